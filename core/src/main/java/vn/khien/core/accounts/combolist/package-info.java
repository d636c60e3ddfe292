/**
 * Streaming scanner of combolists and stealer logs for the province's email domains: finds the leaked
 * official accounts (ACCOUNT-LEAKED) in files of any size with bounded memory, keeping of each password only a
 * {@link vn.khien.core.accounts.PasswordFingerprint}.
 */
@NullMarked
package vn.khien.core.accounts.combolist;

import org.jspecify.annotations.NullMarked;

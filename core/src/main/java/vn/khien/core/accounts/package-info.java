/**
 * Official-account audit engines shared by the combolist scanner, the breached-password store and the
 * password-hash audit: rule ids, hash kinds, the NT hash and the non-reversible leaked-password
 * fingerprint. Passwords and hashes handled here live in memory for one run only and are never logged.
 */
@NullMarked
package vn.khien.core.accounts;

import org.jspecify.annotations.NullMarked;

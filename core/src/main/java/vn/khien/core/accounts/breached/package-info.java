/**
 * The breached-password store: Pwned Passwords downloads (SHA-1 or NTLM, {@code HASH:COUNT}) imported into a
 * compact sorted binary file with a prefix index and looked up memory-mapped (ACCOUNT-BREACHED).
 */
@NullMarked
package vn.khien.core.accounts.breached;

import org.jspecify.annotations.NullMarked;

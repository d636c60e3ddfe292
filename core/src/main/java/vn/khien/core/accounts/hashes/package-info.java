/**
 * Offline password-hash audit (ACCOUNT-DEFAULT, -WEAK, -BREACHED, -SHARED): parses exported hashes (NTLM
 * pwdump, OpenLDAP {@code userPassword}, bcrypt), tries default, per-account and dictionary candidates, looks
 * unsalted hashes up in breached-password stores and groups accounts sharing a hash. Hashes live in memory
 * for one run; findings name the account, the rule and the candidate class, never a password or a hash.
 */
@NullMarked
package vn.khien.core.accounts.hashes;

import org.jspecify.annotations.NullMarked;

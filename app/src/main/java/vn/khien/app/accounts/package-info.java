/**
 * Official accounts (tài khoản công vụ): the registry of accounts per system and unit, directory sync (LDAP,
 * Active Directory) and CSV import, the account audits (idle, orphaned, admins without MFA, password hashes,
 * leaked credentials) with their findings, and the lock/disable workflow with approval. Every read and write
 * takes the caller's {@link vn.khien.app.platform.UnitScope}; passwords and hashes never leave memory.
 */
@NullMarked
@ApplicationModule(displayName = "Accounts")
package vn.khien.app.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

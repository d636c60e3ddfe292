package vn.khien.app.accounts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A directory to sync a system's accounts from. The bind password is sealed in the database and is never
 * part of this record.
 *
 * @param adminGroup group name (cn) or DN whose members are privileged ({@code Domain Admins}, {@code admins})
 * @param mfaGroup group name or DN whose members are enrolled in MFA, or {@code null}
 * @param auditPasswords whether a sync also audits the {@code userPassword} values it can read, in memory
 * @param syncEveryHours schedule, or {@code null} for on demand only
 */
public record DirectoryConnection(
        long id,
        long systemId,
        String systemName,
        long unitId,
        DirectoryKind kind,
        String url,
        String baseDn,
        String bindDn,
        @Nullable String adminGroup,
        @Nullable String mfaGroup,
        boolean auditPasswords,
        @Nullable Integer syncEveryHours,
        @Nullable Instant lastSyncAt,
        @Nullable String lastSyncResult) {}

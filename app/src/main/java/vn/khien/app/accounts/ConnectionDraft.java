package vn.khien.app.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * What an administrator enters for a directory connection; {@code bindPassword} is write-only (blank on an
 * update keeps the stored one).
 */
public record ConnectionDraft(
        @NotNull DirectoryKind kind,
        @NotBlank String url,
        @NotBlank String baseDn,
        @NotBlank String bindDn,
        @Nullable String bindPassword,
        @Nullable String adminGroup,
        @Nullable String mfaGroup,
        boolean auditPasswords,
        @Nullable Integer syncEveryHours) {
    @Override
    public String toString() {
        return "ConnectionDraft[kind=" + kind + ", url=" + url + ", baseDn=" + baseDn + ", bindDn=" + bindDn
                + ", bindPassword=<write-only>]";
    }
}

package vn.khien.app.incidents;

import org.jspecify.annotations.Nullable;

/**
 * The fields of the initial incident report (mẫu 03, Circular 20/2017/TT-BTTTT; DOMAIN.md §6) that the
 * incident record itself does not already hold. Every field is optional at intake and can be completed later.
 */
public record InitialReportForm(
        @Nullable String organisation,
        @Nullable String address,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String contactPerson,
        @Nullable String operator,
        @Nullable String owner,
        @Nullable String systemName,
        @Nullable String domains,
        @Nullable String ips,
        @Nullable String securityLevel,
        @Nullable String providers,
        @Nullable String howDetected,
        @Nullable String alreadyNotified,
        @Nullable String operatingSystem,
        @Nullable String affectedServices,
        @Nullable String measures,
        @Nullable String attachments,
        boolean confidential,
        @Nullable String supportRequested,
        boolean handled) {

    public static InitialReportForm empty() {
        return new InitialReportForm(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, false, null, false);
    }
}

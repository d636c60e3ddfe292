package vn.khien.app.directives;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A directive (công văn) as stored after import and correction, with its items.
 *
 * @param missing the fields the parser did not find, shown as warnings until corrected
 * @param sourceName the name of the imported file (its bytes are kept by SHA-256)
 */
public record Directive(
        long id,
        DirectiveStatus status,
        @Nullable String number,
        @Nullable String symbol,
        @Nullable String issuerParent,
        @Nullable String issuerBody,
        @Nullable String place,
        @Nullable LocalDate issuedOn,
        @Nullable String subject,
        @Nullable String urgency,
        @Nullable String secrecy,
        List<String> recipients,
        List<String> cc,
        List<String> signerAuthority,
        @Nullable String signerPosition,
        @Nullable String signerName,
        List<String> missing,
        String sourceName,
        String sourceSha256,
        long sourceSize,
        Instant createdAt,
        String createdBy,
        @Nullable Instant activatedAt,
        @Nullable String activatedBy,
        List<DirectiveClause> items) {
    public Directive {
        recipients = List.copyOf(recipients);
        cc = List.copyOf(cc);
        signerAuthority = List.copyOf(signerAuthority);
        missing = List.copyOf(missing);
        items = List.copyOf(items);
    }

    /** "12/UBND-VX", or what of it is known. */
    public String reference() {
        String n = number == null ? "…" : number;
        return symbol == null ? n : n + "/" + symbol;
    }

    public boolean active() {
        return status == DirectiveStatus.ACTIVE;
    }
}

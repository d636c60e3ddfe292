package vn.khien.app.directives;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The corrected fields of a directive from the review page or the API; every field replaces the stored one.
 *
 * @param items the items in order; an item with {@code id} null is added, a stored item not listed is removed
 */
public record DirectiveEdit(
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
        List<ItemEdit> items) {
    public DirectiveEdit {
        recipients = List.copyOf(recipients);
        cc = List.copyOf(cc);
        signerAuthority = List.copyOf(signerAuthority);
        items = List.copyOf(items);
    }

    /** One item as edited: {@code id} of a stored item, or null for a new one. */
    public record ItemEdit(@Nullable Long id, String number, String text) {}
}

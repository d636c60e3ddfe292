package vn.khien.core.directive;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the parser found in one directive (công văn). A field the text does not show is {@code null} (or an
 * empty list) and is named in {@link #missing()}; the parser never fills a field from elsewhere in the text.
 *
 * @param issuer the issuing body, or {@code null}
 * @param number the number before the slash, as written ("1622", "05"), or {@code null}
 * @param symbol the symbol after the slash ("UBND-THCB"), or {@code null}
 * @param place the place before the date ("Hà Tĩnh"), or {@code null}
 * @param date the date of issue, or {@code null}
 * @param subject the subject after "V/v" or "Về việc", without that prefix, or {@code null}
 * @param urgency the urgency mark (KHẨN, THƯỢNG KHẨN, HỎA TỐC), or {@code null} when there is none
 * @param secrecy the secrecy mark (MẬT, TỐI MẬT, TUYỆT MẬT), or {@code null} when there is none
 * @param recipients the "Kính gửi" addressees, without bullets and closing punctuation
 * @param items the numbered items of the body, in order
 * @param cc the "Nơi nhận" copy list, without bullets and closing punctuation, ending with the "Lưu" line
 * @param signer the signature block, or {@code null} when there is none
 * @param notes text after the copy list that is neither copy list nor signature (footnotes, remnants)
 * @param missing names of the expected fields that were not found: {@code issuer}, {@code number},
 *     {@code symbol}, {@code place}, {@code date}, {@code subject}, {@code recipients}, {@code items},
 *     {@code cc}, {@code signer}, {@code signer.position}, {@code signer.name}, in that order
 */
public record ParsedDirective(
        @Nullable Issuer issuer,
        @Nullable String number,
        @Nullable String symbol,
        @Nullable String place,
        @Nullable LocalDate date,
        @Nullable String subject,
        @Nullable String urgency,
        @Nullable String secrecy,
        List<String> recipients,
        List<DirectiveItem> items,
        List<String> cc,
        @Nullable Signer signer,
        List<String> notes,
        List<String> missing) {
    public ParsedDirective {
        recipients = List.copyOf(recipients);
        items = List.copyOf(items);
        cc = List.copyOf(cc);
        notes = List.copyOf(notes);
        missing = List.copyOf(missing);
    }

    /**
     * This directive as pretty-printed JSON: every field present, {@code null} where unknown, the date as
     * ISO {@code yyyy-MM-dd}.
     */
    public String toJson() {
        return DirectiveJson.write(this);
    }
}

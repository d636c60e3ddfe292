package vn.khien.core.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An official document (văn bản hành chính) in the layout of Decree 30/2020/NĐ-CP.
 *
 * @param governingBody cơ quan chủ quản (parent body) printed above the issuing body, or null
 * @param issuingBody cơ quan ban hành
 * @param number number and symbol ("12/BC-STTTT"), or null for a draft (printed as "Số:      /…")
 * @param symbol the symbol printed after a blank number of a draft ("BC-STTTT"), used only when number is null
 * @param type document type/title printed centred ("BÁO CÁO"), or null for a công văn (no title)
 * @param subject trích yếu, printed "V/v …" under the number
 * @param recipients Kính gửi list
 * @param cc Nơi nhận list (without the final "Lưu: VT" line, which is always added)
 */
public record OfficialDocument(
        @Nullable String governingBody,
        String issuingBody,
        @Nullable String number,
        String symbol,
        String place,
        LocalDate date,
        @Nullable String type,
        String subject,
        List<String> recipients,
        List<Block> body,
        List<String> cc,
        Signer signer) {

    public OfficialDocument {
        recipients = List.copyOf(recipients);
        body = List.copyOf(body);
        cc = List.copyOf(cc);
    }

    /** The signature block: authority prefix (TM., KT., Q., TL., TUQ.) or null, position and name. */
    public record Signer(@Nullable String authority, String position, String name) {
        /** "TM. ỦY BAN NHÂN DÂN" / "GIÁM ĐỐC": the prefix and the position in capitals. */
        public String heading() {
            String p = position.toUpperCase(VI);
            return authority == null || authority.isBlank() ? p : authority.strip() + " " + p;
        }
    }

    static final Locale VI = Locale.forLanguageTag("vi-VN");

    /** "Số: 12/BC-STTTT", or "Số:" and non-breaking spaces before "/BC-STTTT" for a draft (the number is hand-written). */
    public String numberLine() {
        return number != null ? "Số: " + number : "Số:" + "\u00a0".repeat(8) + "/" + symbol;
    }

    /** "Hà Tĩnh, ngày 05 tháng 01 năm 2026" (day and month below 10 zero-padded as the decree asks). */
    public String placeAndDate() {
        return place + ", ngày " + two(date.getDayOfMonth()) + " tháng " + two(date.getMonthValue()) + " năm "
                + date.getYear();
    }

    /** "V/v …" unless the subject already starts so. */
    public String subjectLine() {
        return subject.startsWith("V/v") ? subject : "V/v " + subject;
    }

    static String upper(String s) {
        return s.toUpperCase(VI);
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }
}

package vn.khien.app.directives;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The wording of the unit report when the directive lacks its number, date or issuer. */
class UnitReportDocumentsTests {
    static Directive directive(
            @Nullable String number, @Nullable String symbol, @Nullable LocalDate issuedOn, @Nullable String issuer) {
        return new Directive(
                1,
                DirectiveStatus.ACTIVE,
                number,
                symbol,
                null,
                issuer,
                null,
                issuedOn,
                "Tăng cường bảo đảm an toàn thông tin",
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                List.of(),
                "cv.txt",
                "0".repeat(64),
                10,
                Instant.EPOCH,
                "admin",
                Instant.EPOCH,
                "admin",
                List.of());
    }

    @Test
    void namesTheLetterByNumberDateAndIssuer() {
        assertThat(UnitReportDocuments.letter(
                        directive("357", "UBND-KGVX", LocalDate.of(2019, 1, 5), "UBND tỉnh Hà Tĩnh")))
                .isEqualTo("Công văn số 357/UBND-KGVX ngày 05/01/2019 của UBND tỉnh Hà Tĩnh");
    }

    @Test
    void leavesOutWhatTheDirectiveDoesNotSay() {
        assertThat(UnitReportDocuments.letter(directive(null, "UBND-KGVX", null, null)))
                .isEqualTo("Công văn số …/UBND-KGVX");
        assertThat(UnitReportDocuments.letter(directive(null, null, LocalDate.of(2026, 3, 1), " ")))
                .isEqualTo("Công văn ngày 01/03/2026");
        assertThat(UnitReportDocuments.letter(directive(null, null, null, null)))
                .isEqualTo("Công văn");
    }

    @Test
    void splitsTheTextIntoParagraphsAndSizesFiles() {
        assertThat(UnitReportDocuments.paragraphs("Một.\r\n\r\n  Hai.\nBa.  \n"))
                .containsExactly("Một.", "Hai.", "Ba.");
        assertThat(UnitReportDocuments.size(850)).isEqualTo("850 B");
        assertThat(UnitReportDocuments.size(2048)).isEqualTo("2,0 KB");
        assertThat(UnitReportDocuments.size(5L * 1024 * 1024)).isEqualTo("5,0 MB");
        assertThat(UnitReportDocuments.shorten("a  b\nc", 10)).isEqualTo("a b c");
        assertThat(UnitReportDocuments.shorten("abcdefghijkl", 5)).isEqualTo("abcd…");
    }
}

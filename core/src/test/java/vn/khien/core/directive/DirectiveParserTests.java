package vn.khien.core.directive;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The five real directives in {@code src/test/resources/directives/}, with what each must yield written
 * out by hand, plus synthetic variants of layout and input format.
 */
class DirectiveParserTests {
    private static final String HA_TINH = "ha-tinh-2019-357-UBND-KGVX.txt";
    private static final String TUYEN_QUANG = "tuyen-quang-2018-1622-UBND-THCB.txt";
    private static final String HUE = "thua-thien-hue-tieu-ban-attt-anm.txt";
    private static final String QUANG_NGAI = "quang-ngai-xa-2025-phong-chong-gian-diep-mang.txt";
    private static final String VP_UBND = "vp-ubnd-tinh-2023-tet-quy-mao.txt";

    @TempDir
    Path tmp;

    @Test
    void parsesHaTinhDespiteStrikethroughAroundTheNumber() throws IOException {
        ParsedDirective d = DirectiveParser.parse(sample(HA_TINH));

        assertThat(d.issuer()).isEqualTo(new Issuer(null, "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH"));
        assertThat(d.number()).isEqualTo("357");
        assertThat(d.symbol()).isEqualTo("UBND-KGVX");
        assertThat(d.place()).isEqualTo("Hà Tĩnh");
        assertThat(d.date()).isEqualTo(LocalDate.of(2019, 1, 15));
        assertThat(d.subject())
                .isEqualTo("tăng cường bảo đảm an toàn thông tin mạng trong dịp Tết Nguyên đán Kỷ Hợi năm 2019");
        assertThat(d.urgency()).isNull();
        assertThat(d.secrecy()).isNull();
        assertThat(d.recipients())
                .containsExactly(
                        "Văn phòng Tỉnh ủy",
                        "Các sở, ban, ngành, đoàn thể cấp tỉnh",
                        "UBND các huyện, thành phố, thị xã",
                        "Các cơ quan Trung ương đóng trên địa bàn tỉnh");
        assertThat(d.items()).extracting(DirectiveItem::number).containsExactly("1", "2", "3", "4");
        assertThat(d.items().get(0).text()).startsWith("Chủ động rà soát điểm yếu, lỗ hổng trên hệ thống;");
        assertThat(d.items().get(1).text()).startsWith("Thủ trưởng các cơ quan đôn đốc");
        assertThat(d.items().get(2).text()).startsWith("Tăng cường theo dõi, giám sát");
        assertThat(d.items().get(2).units()).containsExactly("Sở Thông tin và Truyền thông");
        DirectiveItem fourth = d.items().get(3);
        assertThat(fourth.text()).isEqualTo("Giao Sở Thông tin và Truyền thông:");
        assertThat(fourth.units()).containsExactly("Sở Thông tin và Truyền thông");
        assertThat(fourth.subItems()).extracting(DirectiveItem::number).containsExactly("-", "-", "-", "-");
        assertThat(fourth.subItems())
                .extracting(i -> firstWords(i.text(), 3))
                .containsExactly("Chủ động, thường", "Khi phát hiện", "Thường xuyên cập", "Tham mưu thành");
        assertThat(fourth.subItems().get(1).units()).contains("Bộ Thông tin và Truyền thông", "Cục An toàn thông tin");
        assertThat(d.cc())
                .containsExactly(
                        "Như trên",
                        "Bộ Thông tin và Truyền thông",
                        "Cục ATTT (Bộ Thông tin và Truyền thông)",
                        "Chủ tịch, các PCT UBND tỉnh",
                        "Chánh VP, các Phó VP",
                        "Trung tâm TT-CB-TH",
                        "Lưu: VT, KGVX");
        // the deputy's position line under "KT. CHỦ TỊCH" was lost; it must not be invented
        assertThat(d.signer())
                .isEqualTo(new Signer(List.of("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), null, "Đặng Quốc Vinh"));
        assertThat(d.missing()).containsExactly("signer.position");
        assertThat(d.notes()).isEmpty();
    }

    @Test
    void parsesTuyenQuangWithMarkdownHeadingsAndBold() throws IOException {
        ParsedDirective d = DirectiveParser.parse(sample(TUYEN_QUANG));

        assertThat(d.issuer()).isEqualTo(new Issuer(null, "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG"));
        assertThat(d.number()).isEqualTo("1622");
        assertThat(d.symbol()).isEqualTo("UBND-THCB");
        assertThat(d.place()).isEqualTo("Tuyên Quang");
        assertThat(d.date()).isEqualTo(LocalDate.of(2018, 6, 6));
        assertThat(d.subject()).isEqualTo("tăng cường công tác đảm bảo an ninh, an toàn thông tin");
        assertThat(d.recipients()).containsExactly("Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố");
        assertThat(d.items()).extracting(DirectiveItem::number).containsExactly("1", "2");
        DirectiveItem first = d.items().get(0);
        assertThat(first.text()).isEqualTo("Các Sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố");
        assertThat(first.units()).containsExactly("Các Sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố");
        assertThat(first.subItems())
                .extracting(i -> firstWords(i.text(), 3))
                .containsExactly(
                        "Thực hiện nghiêm", "Tăng cường rà", "Không lưu trữ,", "Không sử dụng", "Chủ động theo");
        DirectiveItem second = d.items().get(1);
        assertThat(second.text())
                .isEqualTo("Sở Thông tin và Truyền thông\nChủ trì, phối hợp với các cơ quan chuyên môn về an toàn,"
                        + " an ninh thông tin của các bộ, ngành; các sở, ban, ngành; Ủy ban nhân dân các huyện,"
                        + " thành phố rà soát, tăng cường công tác bảo mật, kiểm tra, khắc phục lỗ hổng bảo mật.");
        assertThat(second.units()).startsWith("Sở Thông tin và Truyền thông");
        assertThat(second.subItems()).isEmpty();
        assertThat(d.cc())
                .containsExactly(
                        "Chủ tịch UBND tỉnh",
                        "Phó Chủ tịch UBND tỉnh Nguyễn Hải Anh",
                        "Như trên (thực hiện)",
                        "CVP, các PCVP UBND tỉnh",
                        "Lưu VT, TH-CB (Tùng CNTT)");
        assertThat(d.signer()).isEqualTo(new Signer(List.of("KT. CHỦ TỊCH"), "PHÓ CHỦ TỊCH", "Nguyễn Hải Anh"));
        assertThat(d.missing()).isEmpty();
    }

    @Test
    void parsesHueWhoseHeaderIsLostAndLinesAreBrokenMidSentence() throws IOException {
        ParsedDirective d = DirectiveParser.parse(sample(HUE));

        assertThat(d.issuer()).isNull();
        assertThat(d.number()).isNull();
        assertThat(d.date()).isNull();
        assertThat(d.recipients())
                .containsExactly(
                        "Các cơ quan trung ương đóng trên địa bàn",
                        "Các sở, ban, ngành trên địa bàn tỉnh",
                        "UBND các huyện, thị xã, thành phố Huế");
        assertThat(d.items()).extracting(DirectiveItem::number).containsExactly("1", "2", "3");
        assertThat(d.items().get(0).text())
                .startsWith("Quán triệt tình hình trên cho toàn thể cán bộ, công chức, viên chức yêu cầu chấp hành")
                .endsWith("lộ, mất bí mật nhà nước.");
        assertThat(d.items().get(1).text()).startsWith("Sở Thông tin và Truyền thông chủ trì, phối hợp Công an tỉnh");
        assertThat(d.items().get(1).units()).startsWith("Sở Thông tin và Truyền thông", "Công an tỉnh");
        assertThat(d.items().get(2).text())
                .startsWith("Khi phát hiện các nguy cơ")
                .endsWith("SĐT: 069.4149.779) để phối hợp xử lý.");
        assertThat(d.cc())
                .containsExactly(
                        "Như trên (để thực hiện)",
                        "Ban Chỉ đạo AT,ANM Quốc gia (để báo cáo)",
                        "Các thành viên Tiểu ban AT, ANM",
                        "Lưu: VT, CN");
        assertThat(d.signer())
                .isEqualTo(new Signer(
                        List.of("TM. TIỂU BAN", "KT. TRƯỞNG TIỂU BAN"),
                        "PHÓ TRƯỞNG TIỂU BAN, PHÓ CHỦ TỊCH UBND TỈNH",
                        "Nguyễn Thanh Bình"));
        assertThat(d.missing()).containsExactly("issuer", "number", "symbol", "place", "date", "subject");
    }

    @Test
    void parsesQuangNgaiWithoutSignatureAndKeepsItsFootnote() throws IOException {
        ParsedDirective d = DirectiveParser.parse(sample(QUANG_NGAI));

        assertThat(d.subject()).isEqualTo("tăng cường các biện pháp phòng, chống tấn công mạng, gián điệp mạng");
        assertThat(d.recipients()).containsExactly("Các cơ quan, đơn vị");
        assertThat(d.items())
                .extracting(i -> firstWords(i.text(), 4))
                .containsExactly("Tiếp tục quán triệt,", "Chủ động tự rà", "Mỗi cơ quan, đơn", "Công an xã chủ");
        assertThat(d.items().get(0).text())
                .contains("bí mật nhà nước.\nTổ chức tuyên truyền, phổ biến")
                .endsWith("không mở tệp đính kèm không rõ nguồn gốc.");
        assertThat(d.items().get(3).units()).containsExactly("Công an xã", "Công an tỉnh", "UBND xã");
        assertThat(d.items().get(3).text()).endsWith("về Công an tỉnh và UBND xã khi có yêu cầu.");
        assertThat(d.cc())
                .containsExactly(
                        "Như trên (t/h)",
                        "UBND tỉnh (b/c)",
                        "Thường trực Đảng ủy (b/c)",
                        "Thường trực HĐND xã (b/c)",
                        "Đ/c Chủ tịch và các Phó Chủ tịch",
                        "LĐ, CVVP",
                        "Lưu: VT");
        assertThat(d.signer()).isNull();
        assertThat(d.notes()).hasSize(1);
        assertThat(d.notes().get(0)).startsWith("Phòng Kinh tế; phòng Văn hoá - Xã hội;");
        assertThat(d.missing()).containsExactly("issuer", "number", "symbol", "place", "date", "signer");
    }

    /**
     * Regression: the body of the Quảng Ngãi letter cites "Công văn số 33/UBND-NC, ngày 31/7/2025"; a parser
     * that searched the whole text for a number or a date took the cited letter's for this one's.
     */
    @Test
    void doesNotTakeTheNumberOrDateOfALetterCitedInTheBody() throws IOException {
        ParsedDirective d = DirectiveParser.parse(sample(QUANG_NGAI));

        assertThat(d.number()).isNull();
        assertThat(d.symbol()).isNull();
        assertThat(d.date()).isNull();
        assertThat(d.place()).isNull();
    }

    @Test
    void parsesVpUbndAndLeavesTheClosingParagraphsOutOfTheLastItem() throws IOException {
        ParsedDirective d = DirectiveParser.parse(sample(VP_UBND));

        assertThat(d.recipients()).containsExactly("Các phòng, ban, đơn vị trực thuộc Văn phòng UBND tỉnh");
        assertThat(d.items()).extracting(DirectiveItem::number).containsExactly("1", "2");
        assertThat(d.items().get(0).text())
                .isEqualTo("Trưởng các phòng, ban, đơn vị quán triệt đến toàn thể cán bộ, công chức, viên chức,"
                        + " người lao động thực hiện nghiêm túc việc đảm bảo an ninh, an toàn thông tin mạng.");
        DirectiveItem second = d.items().get(1);
        assertThat(second.text()).isEqualTo("Giao Trung tâm Công báo - Tin học:");
        assertThat(second.units()).containsExactly("Trung tâm Công báo - Tin học");
        assertThat(second.subItems())
                .extracting(i -> firstWords(i.text(), 3))
                .containsExactly("Chủ động rà", "Tổ chức lực", "Chủ động tổ");
        assertThat(second.subItems().get(2).text())
                .endsWith("Bộ Thông tin và Truyền thông và cơ quan chức năng có thẩm quyền.");
        assertThat(d.cc())
                .containsExactly(
                        "Như trên",
                        "Sở Thông tin và Truyền thông (b/c)",
                        "LĐVP",
                        "Trung tâm Công báo - Tin học",
                        "Lưu: VT, TTCBTHChương");
        assertThat(d.signer()).isEqualTo(new Signer(List.of(), "CHÁNH VĂN PHÒNG", "Vũ Đức Chính"));
        assertThat(d.missing()).containsExactly("issuer", "number", "symbol", "place", "date", "subject");
    }

    @ParameterizedTest
    @ValueSource(strings = {HA_TINH, TUYEN_QUANG, HUE, QUANG_NGAI, VP_UBND})
    void crlfLineEndingsChangeNothing(String name) throws IOException {
        String text = Files.readString(sample(name), UTF_8);

        assertThat(DirectiveParser.parse(text.replace("\n", "\r\n"))).isEqualTo(DirectiveParser.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {HA_TINH, TUYEN_QUANG, HUE, QUANG_NGAI, VP_UBND})
    void extraBlankLinesChangeNothing(String name) throws IOException {
        String text = Files.readString(sample(name), UTF_8);

        assertThat(DirectiveParser.parse(text.replace("\n", "\n\n \n"))).isEqualTo(DirectiveParser.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {HA_TINH, TUYEN_QUANG, HUE, QUANG_NGAI, VP_UBND})
    void docxWithOneParagraphPerLineParsesLikeTheText(String name) throws IOException {
        String text = Files.readString(sample(name), UTF_8);
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            body.append(paragraph(line));
        }
        Path docx = writeDocx("sample.docx", documentXml(body.toString()));

        assertThat(DirectiveParser.parse(docx)).isEqualTo(DirectiveParser.parse(text));
    }

    @Test
    void parsesEveryMarkerKindAndTheFullHeader() {
        String text = """
                UBND TỈNH KHÁNH HÒA
                SỞ KHOA HỌC VÀ CÔNG NGHỆ
                -------
                Số: 05/SKHCN-CNTT
                V/v triển khai giám sát an toàn
                thông tin trên mạng CPNet
                HỎA TỐC
                MẬT
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Khánh Hòa, ngày 3 tháng 2 năm 2026
                Kính gửi:
                - UBND các xã, phường;
                - Công an tỉnh.
                Thực hiện chỉ đạo của UBND tỉnh, Sở yêu cầu:
                1. Sở KH&CN:
                a) Rà soát máy tính công vụ;
                - cài phần mềm diệt virus;
                + cập nhật mẫu nhận diện hằng ngày;
                b) Báo cáo kết quả;
                • gửi trước ngày 15/3/2026.
                2) UBND các xã cử cán bộ phụ trách CNTT.
                3. Công an tỉnh theo dõi, hướng dẫn.
                Đề nghị các đơn vị thực hiện nghiêm túc./.
                Nơi nhận:
                - Như trên;
                - Lưu: VT, CNTT.
                TL. GIÁM ĐỐC
                TRƯỞNG PHÒNG
                Trần Văn Bình
                """;

        ParsedDirective d = DirectiveParser.parse(text);

        assertThat(d.issuer()).isEqualTo(new Issuer("UBND TỈNH KHÁNH HÒA", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"));
        assertThat(d.number()).isEqualTo("05");
        assertThat(d.symbol()).isEqualTo("SKHCN-CNTT");
        assertThat(d.subject()).isEqualTo("triển khai giám sát an toàn thông tin trên mạng CPNet");
        assertThat(d.urgency()).isEqualTo("HỎA TỐC");
        assertThat(d.secrecy()).isEqualTo("MẬT");
        assertThat(d.place()).isEqualTo("Khánh Hòa");
        assertThat(d.date()).isEqualTo(LocalDate.of(2026, 2, 3));
        assertThat(d.recipients()).containsExactly("UBND các xã, phường", "Công an tỉnh");
        assertThat(d.items()).extracting(DirectiveItem::number).containsExactly("1", "2", "3");
        DirectiveItem first = d.items().get(0);
        assertThat(first.units()).containsExactly("Sở KH&CN");
        assertThat(first.subItems()).extracting(DirectiveItem::number).containsExactly("a", "b");
        DirectiveItem a = first.subItems().get(0);
        assertThat(a.text()).isEqualTo("Rà soát máy tính công vụ;");
        assertThat(a.subItems()).extracting(DirectiveItem::number).containsExactly("-");
        assertThat(a.subItems().get(0).subItems())
                .extracting(DirectiveItem::text)
                .containsExactly("cập nhật mẫu nhận diện hằng ngày;");
        assertThat(first.subItems().get(1).subItems())
                .extracting(DirectiveItem::number, DirectiveItem::text)
                .containsExactly(tuple("•", "gửi trước ngày 15/3/2026."));
        assertThat(d.items().get(1).units()).containsExactly("UBND các xã");
        assertThat(d.items().get(2).text()).isEqualTo("Công an tỉnh theo dõi, hướng dẫn.");
        assertThat(d.cc()).containsExactly("Như trên", "Lưu: VT, CNTT");
        assertThat(d.signer()).isEqualTo(new Signer(List.of("TL. GIÁM ĐỐC"), "TRƯỞNG PHÒNG", "Trần Văn Bình"));
        assertThat(d.missing()).isEmpty();
    }

    @Test
    void textWithoutHeaderOrRecipientsReportsThemMissing() {
        ParsedDirective d = DirectiveParser.parse("""


                1) Các xã rà soát tài khoản thư điện tử công vụ.


                2) Sở KH&CN tổng hợp kết quả./.
                """);

        assertThat(d.items()).extracting(DirectiveItem::number).containsExactly("1", "2");
        assertThat(d.items().get(1).text()).isEqualTo("Sở KH&CN tổng hợp kết quả.");
        assertThat(d.missing())
                .containsExactly(
                        "issuer", "number", "symbol", "place", "date", "subject", "recipients", "cc", "signer");
    }

    @Test
    void emptyTextYieldsEverythingMissing() {
        ParsedDirective d = DirectiveParser.parse("");

        assertThat(d.items()).isEmpty();
        assertThat(d.missing())
                .containsExactly(
                        "issuer",
                        "number",
                        "symbol",
                        "place",
                        "date",
                        "subject",
                        "recipients",
                        "items",
                        "cc",
                        "signer");
    }

    @Test
    void readsADocxWithAHeaderTableSplitRunsTabsAndBreaks() throws IOException {
        String cell1 = paragraph("ỦY BAN NHÂN DÂN") + paragraph("XÃ BÌNH SƠN")
                + "<w:p><w:r><w:t xml:space=\"preserve\">Số: 1</w:t></w:r><w:r><w:t>2/UBND-VP</w:t></w:r></w:p>"
                + paragraph("V/v rà soát tài khoản công vụ");
        String cell2 = paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                + paragraph("Độc lập - Tự do - Hạnh phúc")
                + paragraph("Bình Sơn, ngày 09 tháng 10 năm 2025");
        String table = "<w:tbl><w:tr><w:tc>" + cell1 + "</w:tc><w:tc>" + cell2 + "</w:tc></w:tr></w:tbl>";
        String body = table
                + "<w:p><w:r><w:t>Kính gửi:</w:t></w:r><w:r><w:tab/><w:t>Các thôn, tổ dân phố.</w:t></w:r></w:p>"
                + paragraph("1. Rà soát tài khoản có mật khẩu mặc định.")
                + "<w:p><w:r><w:t>2. Khóa tài khoản không dùng</w:t></w:r>"
                + "<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:r><w:t> quá 45 ngày</w:t></w:r></mc:Choice>"
                + "<mc:Fallback><w:r><w:t> quá 45 ngày</w:t></w:r></mc:Fallback></mc:AlternateContent>"
                + "<w:r><w:t>.</w:t></w:r></w:p>"
                + "<w:p><w:r><w:delText>bỏ đi</w:delText><w:t>Nơi nhận:</w:t></w:r></w:p>"
                + paragraph("- Như trên;") + paragraph("- Lưu: VT.")
                + "<w:p><w:r><w:t>KT. CHỦ TỊCH</w:t><w:br/><w:t>PHÓ CHỦ TỊCH</w:t></w:r></w:p>"
                + paragraph("Lê Thị Hoa");

        ParsedDirective d = DirectiveParser.parse(writeDocx("cv.docx", documentXml(body)));

        assertThat(d.issuer()).isEqualTo(new Issuer(null, "ỦY BAN NHÂN DÂN XÃ BÌNH SƠN"));
        assertThat(d.number()).isEqualTo("12");
        assertThat(d.symbol()).isEqualTo("UBND-VP");
        assertThat(d.subject()).isEqualTo("rà soát tài khoản công vụ");
        assertThat(d.place()).isEqualTo("Bình Sơn");
        assertThat(d.date()).isEqualTo(LocalDate.of(2025, 10, 9));
        assertThat(d.recipients()).containsExactly("Các thôn, tổ dân phố");
        assertThat(d.items())
                .extracting(DirectiveItem::text)
                .containsExactly("Rà soát tài khoản có mật khẩu mặc định.", "Khóa tài khoản không dùng quá 45 ngày.");
        assertThat(d.cc()).containsExactly("Như trên", "Lưu: VT");
        assertThat(d.signer()).isEqualTo(new Signer(List.of("KT. CHỦ TỊCH"), "PHÓ CHỦ TỊCH", "Lê Thị Hoa"));
    }

    @Test
    void docxBytesAreRecognisedWithoutAFileName() throws IOException {
        Path docx = writeDocx("x.bin", documentXml(paragraph("Số: 7/UBND-NC") + paragraph("1. Rà soát.")));

        ParsedDirective d = DirectiveParser.parse(Files.readAllBytes(docx));

        assertThat(d.number()).isEqualTo("7");
        assertThat(d.items()).hasSize(1);
    }

    @Test
    void rejectsADocxWhoseDocumentInflatesBeyondTheLimit() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 21; i++) {
                out.write(spaces);
            }
            out.closeEntry();
        }
        assertThat(zip.size()).isLessThan(200_000);
        Path bomb = Files.write(tmp.resolve("bomb.docx"), zip.toByteArray());

        assertThatThrownBy(() -> DirectiveParser.parse(bomb))
                .isInstanceOf(DirectiveFormatException.class)
                .hasMessageContaining("bomb.docx")
                .hasMessageContaining("word/document.xml")
                .hasMessageContaining("larger than");
    }

    @Test
    void rejectsAFileLargerThanTheLimitBeforeReadingIt() throws IOException {
        Path big = tmp.resolve("big.txt");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(DirectiveParser.MAX_FILE_BYTES + 1);
        }

        assertThatThrownBy(() -> DirectiveParser.parse(big))
                .isInstanceOf(DirectiveFormatException.class)
                .hasMessageContaining("big.txt")
                .hasMessageContaining("larger than");
    }

    @Test
    void rejectsADocxWithADoctype() throws IOException {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                + "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>";
        Path docx = writeDocx("xxe.docx", xml);

        assertThatThrownBy(() -> DirectiveParser.parse(docx))
                .isInstanceOf(DirectiveFormatException.class)
                .hasMessageContaining("xxe.docx")
                .hasMessageContaining("DTD");
    }

    @Test
    void rejectsAZipWithoutAWordDocument() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("xl/workbook.xml"));
            out.write("<workbook/>".getBytes(UTF_8));
            out.closeEntry();
        }
        Path xlsx = Files.write(tmp.resolve("sheet.xlsx"), zip.toByteArray());

        assertThatThrownBy(() -> DirectiveParser.parse(xlsx))
                .isInstanceOf(DirectiveFormatException.class)
                .hasMessageContaining("sheet.xlsx")
                .hasMessageContaining("word/document.xml");
    }

    @Test
    void rejectsPdfAndOtherBinaryInput() throws IOException {
        Path pdf = Files.write(tmp.resolve("cv.pdf"), "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj".getBytes(UTF_8));
        Path bin = Files.write(tmp.resolve("cv.bin"), new byte[] {1, 2, 0, 0, (byte) 0xff, (byte) 0xfe, 0});

        assertThatThrownBy(() -> DirectiveParser.parse(pdf))
                .isInstanceOf(DirectiveFormatException.class)
                .hasMessageContaining("cv.pdf")
                .hasMessageContaining("PDF");
        assertThatThrownBy(() -> DirectiveParser.parse(bin))
                .isInstanceOf(DirectiveFormatException.class)
                .hasMessageContaining("cv.bin");
    }

    @Test
    void readsUtf16TextWithAByteOrderMark() throws IOException {
        String text = Files.readString(sample(TUYEN_QUANG), UTF_8);
        Path utf16 = Files.write(tmp.resolve("utf16.txt"), ("\ufeff" + text).getBytes(UTF_16LE));

        assertThat(DirectiveParser.parse(utf16)).isEqualTo(DirectiveParser.parse(text));
    }

    @Test
    void decomposedDiacriticsAreNormalised() throws IOException {
        String text = Files.readString(sample(TUYEN_QUANG), UTF_8);
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);

        assertThat(DirectiveParser.parse(decomposed)).isEqualTo(DirectiveParser.parse(text));
    }

    @Test
    void writesJsonWithEveryFieldAndNullsForWhatIsMissing() throws IOException {
        JsonNode tq = JsonMapper.builder()
                .build()
                .readTree(DirectiveParser.parse(sample(TUYEN_QUANG)).toJson());
        JsonNode hue = JsonMapper.builder()
                .build()
                .readTree(DirectiveParser.parse(sample(HUE)).toJson());

        assertThat(tq.get("number").asString()).isEqualTo("1622");
        assertThat(tq.get("symbol").asString()).isEqualTo("UBND-THCB");
        assertThat(tq.get("issuer").get("body").asString()).isEqualTo("ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG");
        assertThat(tq.get("issuer").get("parentBody").isNull()).isTrue();
        assertThat(tq.get("date").asString()).isEqualTo("2018-06-06");
        assertThat(tq.get("recipients")).hasSize(2);
        assertThat(tq.get("items").get(0).get("number").asString()).isEqualTo("1");
        assertThat(tq.get("items").get(0).get("subItems")).hasSize(5);
        assertThat(tq.get("items").get(0).get("units")).hasSize(2);
        assertThat(tq.get("cc")).hasSize(5);
        assertThat(tq.get("signer").get("authority").get(0).asString()).isEqualTo("KT. CHỦ TỊCH");
        assertThat(tq.get("signer").get("position").asString()).isEqualTo("PHÓ CHỦ TỊCH");
        assertThat(tq.get("signer").get("name").asString()).isEqualTo("Nguyễn Hải Anh");
        assertThat(tq.get("urgency").isNull()).isTrue();
        assertThat(tq.get("secrecy").isNull()).isTrue();
        assertThat(tq.get("missing")).isEmpty();
        for (String field : List.of("issuer", "number", "symbol", "place", "date", "subject")) {
            assertThat(hue.has(field)).as(field).isTrue();
            assertThat(hue.get(field).isNull()).as(field).isTrue();
        }
        assertThat(hue.get("missing")).hasSize(6);
    }

    private static String firstWords(String text, int count) {
        String[] words = text.split(" ");
        return String.join(" ", Arrays.copyOf(words, Math.min(count, words.length)));
    }

    private static Path sample(String name) {
        try {
            return Path.of(DirectiveParserTests.class
                    .getResource("/directives/" + name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String paragraph(String text) {
        return "<w:p><w:r><w:t xml:space=\"preserve\">" + escape(text) + "</w:t></w:r></w:p>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String documentXml(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
                + " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">"
                + "<w:body>" + body + "</w:body></w:document>";
    }

    private Path writeDocx(String name, String documentXml) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
                            + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
                    .getBytes(UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(documentXml.getBytes(UTF_8));
            zip.closeEntry();
            zip.finish();
            return Files.write(tmp.resolve(name), bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

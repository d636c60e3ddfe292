package vn.khien.core.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;

class OfficialDocumentWriterTests {
    static final String SENTENCE =
            "Các đơn vị đã khắc phục 17 lỗ hổng nghiêm trọng; riêng Sở Tư pháp chưa cập nhật bản vá, đề nghị"
                    + " thực hiện trước ngày 15 tháng 02 năm 2026 để bảo đảm an toàn thông tin.";

    static OfficialDocument sample() {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        series.put("Điểm", List.of(92.5, 71.0, 48.0));
        return new OfficialDocument(
                "UBND tỉnh Hà Tĩnh",
                "Sở Khoa học và Công nghệ",
                "12/BC-SKHCN",
                "BC-SKHCN",
                "Hà Tĩnh",
                LocalDate.of(2026, 2, 5),
                "Báo cáo",
                "kết quả thực hiện các yêu cầu bảo đảm an toàn thông tin tháng 01/2026",
                List.of("Ủy ban nhân dân tỉnh"),
                List.of(
                        new Block.Heading(1, "1. Tình hình chung"),
                        new Block.Paragraph(SENTENCE),
                        new Block.Table(
                                "Bảng 1. Điểm tuân thủ theo đơn vị",
                                List.of("TT", "Đơn vị", "Điểm"),
                                List.of(
                                        List.of("1", "Sở Tư pháp", "92,5"),
                                        List.of("2", "UBND xã Bình An", "71"),
                                        List.of("3", "UBND phường Hưng Dũng", "48")),
                                List.of(1, 6, 2)),
                        new Block.BarChart(
                                "Biểu đồ 1. Điểm tuân thủ",
                                List.of("Sở Tư pháp", "UBND xã Bình An", "UBND phường Hưng Dũng"),
                                series),
                        new Block.Heading(2, "2. Đề xuất, kiến nghị"),
                        new Block.Paragraph("Đề nghị Ủy ban nhân dân tỉnh chỉ đạo các đơn vị chưa đạt.")),
                List.of("Như trên", "Giám đốc Sở"),
                new OfficialDocument.Signer("KT.", "Giám đốc", "Nguyễn Văn Bình"));
    }

    @Test
    void docxHasTheDecree30PartsInOrder() throws Exception {
        byte[] docx = DocxWriter.write(sample());
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/official-document.docx"), docx);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            var sect = doc.getDocument().getBody().getSectPr();
            assertThat(((java.math.BigInteger) sect.getPgSz().getW()).intValue())
                    .isEqualTo(11906);
            assertThat(((java.math.BigInteger) sect.getPgMar().getLeft()).intValue())
                    .isBetween(1701, 1984);
            assertThat(((java.math.BigInteger) sect.getPgMar().getRight()).intValue())
                    .isBetween(850, 1134);
            assertThat(((java.math.BigInteger) sect.getPgMar().getTop()).intValue())
                    .isBetween(1134, 1418);
            List<IBodyElement> body = doc.getBodyElements();
            XWPFTable head = (XWPFTable) body.get(0);
            List<String> left = texts(head.getRow(0).getCell(0));
            assertThat(left)
                    .containsExactly(
                            "UBND TỈNH HÀ TĨNH",
                            "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
                            "Số: 12/BC-SKHCN",
                            "V/v kết quả thực hiện các yêu cầu bảo đảm an toàn thông tin tháng 01/2026");
            assertThat(head.getRow(0)
                            .getCell(0)
                            .getParagraphs()
                            .get(1)
                            .getRuns()
                            .get(0)
                            .isBold())
                    .isTrue();
            var motto = head.getRow(0).getCell(1).getParagraphs();
            assertThat(motto.get(0).getText()).isEqualTo("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            assertThat(motto.get(0).getRuns().get(0).isBold()).isTrue();
            assertThat(motto.get(1).getText()).isEqualTo("Độc lập - Tự do - Hạnh phúc");
            assertThat(motto.get(1).getRuns().get(0).getUnderline().name()).isEqualTo("SINGLE");
            XWPFParagraph date = (XWPFParagraph) body.get(1);
            assertThat(date.getText()).isEqualTo("Hà Tĩnh, ngày 05 tháng 02 năm 2026");
            assertThat(date.getRuns().get(0).isItalic()).isTrue();

            // the body in order, tables flattened to their cell text, pictures marked
            List<String> seq = new ArrayList<>();
            for (IBodyElement e : body.subList(1, body.size() - 1)) {
                if (e instanceof XWPFParagraph p) {
                    if (p.getRuns().stream()
                            .anyMatch(r -> !r.getEmbeddedPictures().isEmpty())) {
                        seq.add("[picture]");
                    } else if (!p.getText().isBlank()) {
                        seq.add(p.getText());
                    }
                } else if (e instanceof XWPFTable t) {
                    t.getRows().forEach(r -> r.getTableCells().forEach(c -> seq.add(c.getText())));
                }
            }
            assertThat(seq)
                    .containsSubsequence(
                            "Hà Tĩnh, ngày 05 tháng 02 năm 2026",
                            "BÁO CÁO",
                            "Kính gửi: Ủy ban nhân dân tỉnh.",
                            "1. Tình hình chung",
                            SENTENCE,
                            "Bảng 1. Điểm tuân thủ theo đơn vị",
                            "TT",
                            "Đơn vị",
                            "Điểm",
                            "Sở Tư pháp",
                            "92,5",
                            "UBND phường Hưng Dũng",
                            "Biểu đồ 1. Điểm tuân thủ",
                            "[picture]",
                            "2. Đề xuất, kiến nghị");
            assertThat(doc.getAllPictures()).hasSize(1);
            assertThat(doc.getAllPictures().get(0).getData()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});

            XWPFTable foot = (XWPFTable) body.get(body.size() - 1);
            List<String> cc = texts(foot.getRow(0).getCell(0));
            assertThat(cc).containsExactly("Nơi nhận:", "- Như trên;", "- Giám đốc Sở;", "- Lưu: VT.");
            var nn = foot.getRow(0).getCell(0).getParagraphs().get(0).getRuns().get(0);
            assertThat(nn.isBold()).isTrue();
            assertThat(nn.isItalic()).isTrue();
            List<String> sign = texts(foot.getRow(0).getCell(1)).stream()
                    .filter(s -> !s.isBlank())
                    .toList();
            assertThat(sign).containsExactly("KT. GIÁM ĐỐC", "Nguyễn Văn Bình");

            List<String> fonts = new ArrayList<>();
            doc.getParagraphs().forEach(p -> p.getRuns().forEach(r -> fonts.add(r.getFontFamily())));
            doc.getTables()
                    .forEach(t -> t.getRows().forEach(r -> r.getTableCells().forEach(c -> c.getParagraphs()
                            .forEach(p -> p.getRuns().forEach(x -> fonts.add(x.getFontFamily()))))));
            assertThat(fonts).isNotEmpty().allMatch("Times New Roman"::equals);
        }
    }

    @Test
    void pdfKeepsVietnameseTextWithTheEmbeddedFont() throws Exception {
        byte[] pdf = PdfWriter.write(sample());
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/official-document.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                    .contains("Độc lập - Tự do - Hạnh phúc")
                    .contains("SỞ KHOA HỌC VÀ CÔNG NGHỆ")
                    .contains("Số: 12/BC-SKHCN")
                    .contains("Hà Tĩnh, ngày 05 tháng 02 năm 2026")
                    .contains("Kính gửi: Ủy ban nhân dân tỉnh.")
                    .contains("Các đơn vị đã khắc phục 17 lỗ hổng nghiêm trọng")
                    .contains("bảo đảm an toàn thông tin")
                    .contains("UBND phường Hưng Dũng")
                    .contains("Nơi nhận:")
                    .contains("KT. GIÁM ĐỐC")
                    .contains("Nguyễn Văn Bình");
            assertThat(text.indexOf("CỘNG HÒA")).isLessThan(text.indexOf("Kính gửi"));
            assertThat(text.indexOf("Kính gửi")).isLessThan(text.indexOf("Tình hình chung"));
            assertThat(text.indexOf("Tình hình chung")).isLessThan(text.indexOf("Nơi nhận"));

            List<String> fonts = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    assertThat(f.isEmbedded()).as(f.getName()).isTrue();
                    fonts.add(f.getName());
                }
            }
            assertThat(fonts).isNotEmpty().allMatch(n -> n.contains("LiberationSerif"));

            BufferedImage img = new PDFRenderer(doc).renderImageWithDPI(0, 100);
            ImageIO.write(
                    img, "png", Path.of("target/official-document-page1.png").toFile());
            long dark = 0;
            for (int y = 0; y < img.getHeight(); y += 2) {
                for (int x = 0; x < img.getWidth(); x += 2) {
                    if ((img.getRGB(x, y) & 0xff) < 128) {
                        dark++;
                    }
                }
            }
            assertThat(dark).as("dark pixels on page 1").isGreaterThan(2000);
        }
    }

    @Test
    void draftNumberIsBlankAndSingleRecipientsListBreaks() {
        OfficialDocument s = sample();
        OfficialDocument draft = new OfficialDocument(
                null,
                s.issuingBody(),
                null,
                "BC-SKHCN",
                s.place(),
                s.date(),
                null,
                "V/v thử",
                List.of("Sở A", "Sở B"),
                List.of(),
                List.of(),
                new OfficialDocument.Signer(null, "Giám đốc", "A"));
        assertThat(draft.numberLine()).startsWith("Số:").endsWith("/BC-SKHCN").doesNotContain("null");
        assertThat(draft.subjectLine()).isEqualTo("V/v thử");
        assertThat(draft.signer().heading()).isEqualTo("GIÁM ĐỐC");
        assertThat(PdfWriter.html(draft)).contains("- Sở A;").contains("- Sở B.");
        assertThat(DocxWriter.write(draft)).isNotEmpty();
    }

    @Test
    void rejectsRaggedTablesAndEscapesMarkup() {
        assertThatThrownBy(() -> new Block.Table("x", List.of("a", "b"), List.of(List.of("1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row has 1 cells");
        assertThat(PdfWriter.esc("<b>&\"\u0001")).isEqualTo("&lt;b&gt;&amp;&quot;");
    }

    private static List<String> texts(XWPFTableCell cell) {
        return cell.getParagraphs().stream().map(XWPFParagraph::getText).toList();
    }
}

package vn.khien.app.directives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.reports.Report;
import vn.khien.app.reports.ReportKind;
import vn.khien.app.reports.ReportPeriod;
import vn.khien.app.reports.ReportService;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;
import vn.khien.core.org.Role;

/**
 * A unit's implementation report as DOCX, PDF and XLSX through the API, scope-checked; and the directives section of
 * the province's periodic report, also when the scheduler generates it without a caller.
 */
@KhienIntegrationTest
class UnitReportDocumentsIntegrationTests {
    static final String TEXT =
            "Đã cài phần mềm phòng chống mã độc cho 12/12 máy tính.\nĐã tập huấn cán bộ về an" + " toàn thông tin.";

    @Autowired
    DirectiveService directives;

    @Autowired
    DirectiveTaskService tasks;

    @Autowired
    ReportService periodic;

    @Autowired
    UnitReportService unitReports;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    long binhAn;
    long hoaPhu;
    long khcn;
    String officer;
    Directive d;

    @BeforeEach
    void reportedDirective() throws Exception {
        fixtures.demoProvince();
        binhAn = fixtures.unit("X-BA").id();
        hoaPhu = fixtures.unit("X-HP").id();
        khcn = fixtures.unit("S-KHCN").id();
        byte[] bytes;
        try (InputStream in = new ClassPathResource(DirectiveIntegrationTests.HA_TINH).getInputStream()) {
            bytes = in.readAllBytes();
        }
        Directive imported = Fixtures.asAdmin(
                () -> directives.importFile(UnitScope.province(), "ha-tinh.txt", new ByteArrayInputStream(bytes)));
        Fixtures.asAdmin(() -> directives.activate(UnitScope.province(), imported.id()));
        Fixtures.asAdmin(() -> tasks.assign(
                UnitScope.province(),
                imported.id(),
                imported.items().get(0).id(),
                List.of(binhAn, hoaPhu, khcn),
                LocalDate.now().plusDays(20),
                List.of("AV-PRESENT")));
        d = Fixtures.asAdmin(() -> directives.get(UnitScope.province(), imported.id()));
        officer = "Bearer " + fixtures.apiKey("X-BA", Role.IT_OFFICER);
        mvc.perform(multipart("/api/v1/directives/" + d.id() + "/reports/" + binhAn + "/evidence")
                        .file(new MockMultipartFile("file", "bien-ban-kiem-tra.pdf", "application/pdf", new byte[2048]))
                        .header("Authorization", officer))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/directives/" + d.id() + "/reports/" + binhAn + "/submit")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"" + TEXT.replace("\n", "\\n") + "\"}")
                        .header("Authorization", officer))
                .andExpect(status().isOk());
    }

    String url(long unitId, String format) {
        return "/api/v1/directives/" + d.id() + "/reports/" + unitId + "/" + format;
    }

    byte[] download(String url, String auth) throws Exception {
        return mvc.perform(get(url).header("Authorization", auth))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    @Test
    void theUnitReportIsADocxInTheLayoutOfDecree30() throws Exception {
        byte[] docx = mvc.perform(get(url(binhAn, "docx")).header("Authorization", officer))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".docx")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        List<String> parts = new ArrayList<>();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            for (IBodyElement e : doc.getBodyElements()) {
                if (e instanceof XWPFParagraph p) {
                    parts.add(p.getText());
                } else if (e instanceof XWPFTable t) {
                    parts.add(t.getText());
                }
            }
        }
        String all = String.join("\n", parts);
        assertThat(all)
                .containsSubsequence(
                        "XÃ BÌNH AN",
                        "Số:",
                        "/BC",
                        "V/v kết quả thực hiện Công văn số 357/UBND-KGVX ngày 15/01/2019 của",
                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "BÁO CÁO",
                        "Kính gửi:",
                        "Xã Bình An báo cáo kết quả thực hiện như sau:",
                        "1. Kết quả thực hiện",
                        "Đã cài phần mềm phòng chống mã độc cho 12/12 máy tính.",
                        "Đã tập huấn cán bộ về an toàn thông tin.",
                        "2. Tiến độ các nhiệm vụ được giao",
                        "Chủ động rà soát điểm yếu",
                        "3. Số liệu đo lường tự động",
                        "AV-PRESENT",
                        "4. Tài liệu minh chứng kèm theo",
                        "bien-ban-kiem-tra.pdf",
                        "2,0 KB",
                        "Nơi nhận:",
                        "Lưu: VT",
                        "THỦ TRƯỞNG ĐƠN VỊ");
    }

    @Test
    void thePdfKeepsTheVietnameseTextAndTheApprovingHeadSigns() throws Exception {
        long report = Fixtures.asAdmin(() -> unitReports.find(UnitScope.province(), d.id(), binhAn))
                .orElseThrow()
                .id();
        mvc.perform(post("/api/v1/directives/reports/" + report + "/approve")
                        .with(authentication(DirectiveIntegrationTests.head(binhAn)))
                        .with(csrf()))
                .andExpect(status().isOk());
        byte[] pdf = download(url(binhAn, "pdf"), officer);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("XÃ BÌNH AN")
                    .contains("BÁO CÁO")
                    .contains("357/UBND-KGVX")
                    .contains("15/01/2019")
                    .contains("Đã tập huấn cán bộ về an toàn thông tin.")
                    .contains("Mới giao")
                    .contains("Nguyễn Thị Hạnh"); // the approving head signs with her full name
        }
    }

    @Test
    void theAnnexListsTasksFiguresAndEvidence() throws Exception {
        byte[] xlsx = download(url(binhAn, "xlsx"), officer);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(3);
            Sheet taskSheet = wb.getSheet("Nhiệm vụ");
            assertThat(taskSheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("Mới giao");
            assertThat(wb.getSheet("Số liệu đo lường").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("AV-PRESENT");
            assertThat(wb.getSheet("Minh chứng").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("bien-ban-kiem-tra.pdf");
        }
    }

    @Test
    void anotherCommunesOfficerCannotDownloadIt() throws Exception {
        String other = "Bearer " + fixtures.apiKey("X-HP", Role.IT_OFFICER);
        for (String format : List.of("docx", "pdf", "xlsx")) {
            mvc.perform(get(url(binhAn, format)).header("Authorization", other)).andExpect(status().isNotFound());
        }
        // a unit without a stored report has nothing to download
        mvc.perform(get(url(hoaPhu, "pdf")).header("Authorization", other)).andExpect(status().isNotFound());
        // the province coordinator may
        String coordinator = "Bearer " + fixtures.apiKey("T00", Role.COORDINATOR);
        assertThat(download(url(binhAn, "pdf"), coordinator)).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void theProvincePeriodicReportHasTheDirectivesSection() throws Exception {
        String coordinator = "Bearer " + fixtures.apiKey("T00", Role.COORDINATOR);
        LocalDate today = periodic.today();
        String body = mvc.perform(post("/api/v1/reports")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"" + today.withDayOfMonth(1) + "\",\"to\":\"" + today + "\"}")
                        .header("Authorization", coordinator))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("READY"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = Long.parseLong(body.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
        String text = pdfText(download("/api/v1/reports/" + id + "/pdf", coordinator));
        assertThat(text)
                .containsSubsequence(
                        "Kết quả thực hiện các văn bản chỉ đạo",
                        "357/UBND-KGVX",
                        "Xã Bình An",
                        "Đã gửi, chờ duyệt",
                        "đơn vị đã báo cáo.",
                        "Đề xuất, kiến nghị")
                .contains("1/3");
        byte[] xlsx = download("/api/v1/reports/" + id + "/xlsx", coordinator);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheet("Văn bản chỉ đạo");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }
    }

    long generate(String coordinator, String json) throws Exception {
        String body = mvc.perform(post("/api/v1/reports")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json)
                        .header("Authorization", coordinator))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("READY"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Long.parseLong(body.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
    }

    @Test
    void aUnitsReportShowsOnlyItsSubtreeAndAnEarlierPeriodHasNoSection() throws Exception {
        String coordinator = "Bearer " + fixtures.apiKey("T00", Role.COORDINATOR);
        LocalDate today = periodic.today();
        long own = generate(
                coordinator,
                "{\"unitId\":" + hoaPhu + ",\"from\":\"" + today.withDayOfMonth(1) + "\",\"to\":\"" + today + "\"}");
        String text = pdfText(download("/api/v1/reports/" + own + "/pdf", coordinator));
        String section = text.substring(text.indexOf("Kết quả thực hiện các văn bản chỉ đạo"));
        assertThat(section).contains("Xã Hòa Phú").contains("0/1").doesNotContain("Xã Bình An");
        long before = generate(
                coordinator, "{\"month\":\"" + today.minusMonths(1).toString().substring(0, 7) + "\"}");
        assertThat(pdfText(download("/api/v1/reports/" + before + "/pdf", coordinator)))
                .doesNotContain("Kết quả thực hiện các văn bản chỉ đạo");
    }

    @Test
    void theScheduledReportWithoutACallerHasTheSectionToo() throws Exception {
        Report r = periodic.scheduled(ReportKind.MONTHLY, periodic.today().plusMonths(1))
                .orElseThrow();
        assertThat(r.status()).isEqualTo("READY");
        assertThat(r.period())
                .isEqualTo(ReportPeriod.previousMonth(periodic.today().plusMonths(1)));
        String coordinator = "Bearer " + fixtures.apiKey("T00", Role.COORDINATOR);
        assertThat(pdfText(download("/api/v1/reports/" + r.id() + "/pdf", coordinator)))
                .contains("Kết quả thực hiện các văn bản chỉ đạo")
                .contains("đơn vị đã báo cáo.")
                .contains("1/3");
    }

    @Test
    void theUnitPageLinksTheDocuments() throws Exception {
        var head = DirectiveIntegrationTests.head(binhAn);
        mvc.perform(get("/directives/" + d.id() + "/reports/" + binhAn).with(authentication(head)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "/directives/" + d.id() + "/reports/" + binhAn + "/docx")));
        mvc.perform(get("/directives/" + d.id() + "/reports/" + binhAn + "/docx")
                        .with(authentication(head)))
                .andExpect(status().isOk());
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }
}

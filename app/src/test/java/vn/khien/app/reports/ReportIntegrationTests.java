package vn.khien.app.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.app.compliance.ComplianceService;
import vn.khien.app.compliance.UnitScoreView;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;
import vn.khien.core.org.Role;

/** Reports end to end through the API: generate, list, download and reopen the three files; unit scope. */
@KhienIntegrationTest
class ReportIntegrationTests {
    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ComplianceService compliance;

    @Autowired
    ReportService reports;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void coordinatorGeneratesTheProvinceReportAndDownloadsDocxPdfXlsx() throws Exception {
        fixtures.demoProvinceWithFeatures();
        String key = "Bearer " + fixtures.apiKey("T00", Role.COORDINATOR);
        // the demo step already generated the previous month's report
        assertThat(reports.list(UnitScope.province()))
                .anySatisfy(r -> assertThat(r.status()).isEqualTo("READY"));

        String body = mvc.perform(post("/api/v1/reports")
                        .header("Authorization", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"month\":\"2026-10\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("READY"))
                .andExpect(jsonPath("$.unitName").value("UBND Tỉnh Demo"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = json.readTree(body).get("id").asLong();
        JsonNode list = json.readTree(mvc.perform(get("/api/v1/reports").header("Authorization", key))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        List<Long> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.get("id").asLong()));
        assertThat(ids).contains(id).hasSizeGreaterThanOrEqualTo(2);

        UnitScoreView province = compliance.scores(UnitScope.province()).stream()
                .filter(v -> v.unitId() == fixtures.unit("T00").id())
                .findFirst()
                .orElseThrow();
        UnitScoreView binhAn = compliance.scores(UnitScope.province()).stream()
                .filter(v -> v.unitId() == fixtures.unit("X-BA").id())
                .findFirst()
                .orElseThrow();
        String overall =
                String.format(java.util.Locale.ROOT, "%.1f", province.percent()).replace('.', ',');

        byte[] docx =
                download(key, id, "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            String text = x.getText();
            assertThat(text)
                    .contains("UBND TỈNH DEMO")
                    .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                    .contains("V/v kết quả thực hiện các yêu cầu bảo đảm an toàn thông tin tháng 10/2026")
                    .contains("Kính gửi: Ủy ban nhân dân tỉnh.")
                    .contains("điểm tuân thủ chung đạt " + overall + "%")
                    .contains("Xã Bình An")
                    .contains("Sở Y tế")
                    .contains("Nơi nhận:");
            assertThat(text.indexOf("Kính gửi")).isLessThan(text.indexOf("Bảng 1"));
            assertThat(text.indexOf("Bảng 1")).isLessThan(text.indexOf("Bảng 2"));
            assertThat(doc.getAllPictures()).hasSize(1);
        }

        byte[] pdf = download(key, id, "pdf", "application/pdf");
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/reports-province.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (int page = 0; page < Math.min(2, doc.getNumberOfPages()); page++) {
                javax.imageio.ImageIO.write(
                        new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(page, 90),
                        "png",
                        new java.io.File("target/screenshots/reports-province-page" + (page + 1) + ".png"));
            }
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                    .contains("Độc lập - Tự do - Hạnh phúc")
                    .contains("điểm tuân thủ chung đạt " + overall + "%")
                    .contains("Xã Bình An")
                    .contains("Sở Khoa học và Công nghệ");
        }

        byte[] xlsx = download(key, id, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet scores = wb.getSheet("Điểm theo đơn vị");
            Row row = null;
            for (Row r : scores) {
                if ("Xã Bình An".equals(r.getCell(1).getStringCellValue())) {
                    row = r;
                }
            }
            assertThat(row).as("row of Xã Bình An").isNotNull();
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("X-BA");
            assertThat(row.getCell(4).getNumericCellValue())
                    .isEqualTo(binhAn.overall().total());
            assertThat(wb.getSheet("Theo yêu cầu").getPhysicalNumberOfRows()).isGreaterThan(1);
            assertThat(wb.getSheet("Phát hiện").getPhysicalNumberOfRows()).isGreaterThan(1);
        }
    }

    @Test
    void communeOfficerSeesAndGeneratesOnlyItsOwnUnitsReports() throws Exception {
        fixtures.demoProvince();
        String coordinator = "Bearer " + fixtures.apiKey("T00", Role.COORDINATOR);
        String officer = "Bearer " + fixtures.apiKey("X-BA", Role.IT_OFFICER);
        String staff = "Bearer " + fixtures.apiKey("X-BA", Role.STAFF);
        long provinceReport = json.readTree(mvc.perform(post("/api/v1/reports")
                                .header("Authorization", coordinator)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"from\":\"2026-01-01\",\"to\":\"2026-03-31\"}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("id")
                .asLong();

        mvc.perform(get("/api/v1/reports/" + provinceReport + "/pdf").header("Authorization", officer))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/reports/" + provinceReport).header("Authorization", officer))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/reports")
                        .header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\":" + fixtures.unit("T00").id() + "}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/reports")
                        .header("Authorization", staff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());

        String own = mvc.perform(post("/api/v1/reports")
                        .header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.unitName").value("Xã Bình An"))
                .andExpect(jsonPath("$.status").value("READY"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long ownId = json.readTree(own).get("id").asLong();
        mvc.perform(get("/api/v1/reports").header("Authorization", officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(ownId));
        byte[] docx = download(
                officer, ownId, "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        try (XWPFWordExtractor x = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx)))) {
            assertThat(x.getText())
                    .contains("UBND TỈNH DEMO") // governing body: the commune's parent
                    .contains("XÃ BÌNH AN")
                    .contains("THỦ TRƯỞNG ĐƠN VỊ");
        }
        // the coordinator sees both
        mvc.perform(get("/api/v1/reports").header("Authorization", coordinator))
                .andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void scheduleProducesEachPeriodOnce() {
        fixtures.demoProvince();
        var first = reports.scheduled(ReportKind.QUARTERLY, java.time.LocalDate.of(2026, 10, 1));
        assertThat(first).hasValueSatisfying(r -> {
            assertThat(r.period())
                    .isEqualTo(
                            new ReportPeriod(java.time.LocalDate.of(2026, 7, 1), java.time.LocalDate.of(2026, 9, 30)));
            assertThat(r.createdBy()).isEqualTo("system");
            assertThat(r.ready()).isTrue();
        });
        assertThat(reports.scheduled(ReportKind.QUARTERLY, java.time.LocalDate.of(2026, 10, 2)))
                .isEmpty();
    }

    @Test
    void pageListsReportsAndGeneratesOneInTheBackground() throws Exception {
        fixtures.demoProvince();
        Report first = Fixtures.asAdmin(() -> reports.generate(
                UnitScope.province(),
                null,
                new ReportPeriod(java.time.LocalDate.of(2026, 9, 1), java.time.LocalDate.of(2026, 9, 30))));
        var coordinator =
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .authentication(
                                org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                                        .authenticated(
                                                new vn.khien.app.security.KhienPrincipal(
                                                        null,
                                                        null,
                                                        "dieuphoi",
                                                        "Điều phối",
                                                        fixtures.unit("T00").id(),
                                                        java.util.Set.of(Role.COORDINATOR)),
                                                null,
                                                org.springframework.security.core.authority.AuthorityUtils
                                                        .createAuthorityList("ROLE_COORDINATOR", "FACTOR_COMPLETE")));
        mvc.perform(get("/reports").with(coordinator))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("/reports/" + first.id() + "/pdf")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("tháng 09/2026")));
        mvc.perform(post("/reports")
                        .with(coordinator)
                        .with(
                                org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                        .param("unitId", String.valueOf(fixtures.unit("X-HP").id()))
                        .param("month", "2026-08"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("class=\"job\"")));
        Report bg = null;
        for (int i = 0; i < 600 && (bg == null || !bg.ready()); i++) {
            Thread.sleep(100);
            bg = reports.list(UnitScope.province()).stream()
                    .filter(r -> r.unitName().equals("Xã Hòa Phú"))
                    .findFirst()
                    .orElse(null);
        }
        assertThat(bg).isNotNull();
        assertThat(bg.ready()).isTrue();
        assertThat(bg.createdBy()).isEqualTo("dieuphoi");
        mvc.perform(get("/reports/" + bg.id() + "/xlsx").with(coordinator)).andExpect(status().isOk());
    }

    private byte[] download(String key, long id, String format, String type) throws Exception {
        return mvc.perform(get("/api/v1/reports/" + id + "/" + format).header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentType(type))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }
}

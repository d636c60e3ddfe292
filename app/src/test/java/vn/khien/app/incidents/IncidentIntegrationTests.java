package vn.khien.app.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;
import vn.khien.core.org.Role;

/** Incidents end to end through the service and the API: intake, alerts, workflow, evidence, reports, scope. */
@KhienIntegrationTest
class IncidentIntegrationTests {
    @Autowired
    IncidentService incidents;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    IncidentSettings settings;

    long binhAn;
    long hoaPhu;

    @BeforeEach
    void province() {
        fixtures.demoProvince();
        binhAn = fixtures.unit("X-BA").id();
        hoaPhu = fixtures.unit("X-HP").id();
    }

    Incident phishing(long unit) {
        return Fixtures.asAdmin(() -> incidents.report(
                UnitScope.province(),
                new IncidentDraft(
                        unit,
                        "Thư giả mạo yêu cầu đổi mật khẩu",
                        IncidentCategory.PHISHING,
                        Severity.HIGH,
                        Instant.parse("2026-08-03T02:15:00Z"),
                        "Hộp thư công vụ",
                        "lan.pk@binhan.demo.gov.vn",
                        "hxxp://gov-vn-login.example/reset",
                        "Cán bộ nhận thư giả mạo",
                        new InitialReportForm(
                                "UBND xã Bình An",
                                "Thôn 1, xã Bình An",
                                "0239 3 888 888",
                                "vanthu@binhan.demo.gov.vn",
                                "Nguyễn Văn Bình",
                                "Văn phòng UBND xã",
                                "UBND xã Bình An",
                                "Hệ thống thư công vụ",
                                "binhan.demo.gov.vn",
                                "10.20.4.10",
                                "Cấp độ 2",
                                "VNPT",
                                "Được thông báo",
                                "PA05",
                                "Windows Server 2019",
                                "Thư điện tử",
                                "Phòng chống mã độc, tường lửa",
                                "Tệp thư gốc (.eml)",
                                false,
                                "Phân tích mẫu thư",
                                false))));
    }

    @Test
    void staffReportGetsDeadlinesOfTheRegimeOnT0AndATimelineEntry() {
        Incident i = phishing(binhAn);
        assertThat(i.status()).isEqualTo(IncidentStatus.NEW);
        assertThat(i.regimeId()).isEqualTo("luat-116-2025");
        assertThat(incidents.deadlines(i))
                .extracting(Deadline::id)
                .containsExactly("immediate", "initial-notice", "report");
        assertThat(Fixtures.asAdmin(() -> incidents.timeline(UnitScope.province(), i.id())))
                .extracting(TimelineEntry::kind)
                .containsExactly("CREATED");
    }

    @Test
    void workflowRunsFromNewToClosedWithTasksAndLessons() {
        Incident i = phishing(binhAn);
        UnitScope p = UnitScope.province();
        Fixtures.asAdmin(() -> {
            incidents.triage(p, i.id(), Severity.CRITICAL, IncidentCategory.PHISHING, "ungcuu");
            assertThatThrownBy(() -> incidents.transition(p, i.id(), IncidentStatus.CLOSED, null))
                    .isInstanceOf(IncidentException.class);
            incidents.transition(p, i.id(), IncidentStatus.RESPONDING, null);
            IncidentTask t = incidents.addTask(p, i.id(), TaskPhase.CONTAINMENT, "Chặn tên miền giả mạo", "ungcuu");
            incidents.completeTask(p, t.id());
            incidents.comment(p, i.id(), "Đã chặn trên tường lửa");
            assertThatThrownBy(() -> incidents.transition(p, i.id(), IncidentStatus.TRIAGED, null))
                    .isInstanceOf(IncidentException.class)
                    .hasMessageContaining("cannot move");
            incidents.transition(p, i.id(), IncidentStatus.RESOLVED, "Đã xử lý");
            assertThatThrownBy(() -> incidents.transition(p, i.id(), IncidentStatus.CLOSED, " "))
                    .hasMessageContaining("lessons learned");
            Incident closed = incidents.transition(p, i.id(), IncidentStatus.CLOSED, "Tập huấn nhận diện thư giả mạo");
            assertThat(closed.lessonsLearned()).isEqualTo("Tập huấn nhận diện thư giả mạo");
            assertThat(incidents.timeline(p, i.id()))
                    .extracting(TimelineEntry::kind)
                    .containsExactly(
                            "CREATED", "TRIAGED", "RESPONDING", "TASK", "TASK_DONE", "COMMENT", "RESOLVED", "CLOSED");
            return null;
        });
    }

    @Test
    void anAlertOpensOneIncidentOnlyOnce() {
        AlertSummary alert = new AlertSummary(
                "ALR-42", binhAn, "10.20.4.77", "185.220.101.4", Severity.HIGH, Instant.parse("2026-06-30T16:30:00Z"));
        Incident first = incidents.reportFromAlert(alert);
        Incident again = incidents.reportFromAlert(alert);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(first.severity()).isEqualTo(Severity.HIGH);
        assertThat(first.discoveredAt()).isEqualTo(alert.firstSeen());
        // 30/06 23:30 in Hà Nội: still the legacy regime
        assertThat(first.regimeId()).isEqualTo("tt20-2017");
        assertThat(Fixtures.asAdmin(() -> incidents.alertIds(UnitScope.province(), first.id())))
                .containsExactly("ALR-42");
    }

    @Test
    void promotesSeveralAlertsWithTheEarliestFirstSeenAsT0() {
        Instant early = Instant.parse("2026-09-01T01:00:00Z");
        Incident i = Fixtures.asAdmin(() -> incidents.promote(
                UnitScope.province(),
                List.of(
                        new AlertSummary(
                                "A-1", binhAn, "10.20.4.5", "evil.example", Severity.MEDIUM, early.plusSeconds(600)),
                        new AlertSummary("A-2", binhAn, "10.20.4.6", "evil.example", Severity.CRITICAL, early)),
                IncidentCategory.MALWARE,
                "Máy trạm kết nối máy chủ điều khiển"));
        assertThat(i.discoveredAt()).isEqualTo(early);
        assertThat(i.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(i.affected()).isEqualTo("10.20.4.5, 10.20.4.6");
        assertThatThrownBy(() -> Fixtures.asAdmin(() -> incidents.promote(
                        UnitScope.province(),
                        List.of(new AlertSummary("A-1", binhAn, null, null, Severity.LOW, early)),
                        IncidentCategory.OTHER,
                        "x")))
                .hasMessageContaining("already belongs");
    }

    @Test
    void deadlineEscalationHappensOncePerDeadline() {
        Incident i = phishing(binhAn);
        Instant t0 = i.discoveredAt();
        assertThat(incidents.escalateDeadlines(t0.minusSeconds(60))).isZero();
        // "immediate" was announced by the opening page; 18 h later the 24 h notice has a quarter left
        assertThat(incidents.escalateDeadlines(t0)).isZero();
        assertThat(incidents.escalateDeadlines(t0.plus(18, ChronoUnit.HOURS))).isEqualTo(1);
        assertThat(incidents.escalateDeadlines(t0.plus(19, ChronoUnit.HOURS))).isZero();
        assertThat(incidents.escalateDeadlines(t0.plus(54, ChronoUnit.HOURS))).isEqualTo(1);
    }

    @Test
    void evidenceOverTheLimitIsRefusedAndNothingIsKept() {
        Incident i = phishing(binhAn);
        long limit = settings.evidenceMaxSize().toBytes();
        InputStream tooBig = new InputStream() {
            long left = limit + 1;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }
        };
        assertThatThrownBy(() ->
                        Fixtures.asAdmin(() -> incidents.addEvidence(UnitScope.province(), i.id(), "big.bin", tooBig)))
                .isInstanceOf(IncidentException.class)
                .extracting(e -> ((IncidentException) e).kind())
                .isEqualTo(IncidentException.Kind.TOO_LARGE);
        assertThat(Fixtures.asAdmin(() -> incidents.evidence(UnitScope.province(), i.id())))
                .isEmpty();
    }

    @Test
    void theApiAnswers413ForAnOversizedUpload() throws Exception {
        Incident i = phishing(binhAn);
        String staff = "Bearer " + fixtures.apiKey("X-BA", Role.STAFF);
        byte[] big = new byte[(int) settings.evidenceMaxSize().toBytes() + 1];
        mvc.perform(multipart("/api/v1/incidents/" + i.id() + "/evidence")
                        .file(new MockMultipartFile("file", "dump.pcap", "application/octet-stream", big))
                        .header("Authorization", staff))
                .andExpect(status().is(413))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("limited to 20 MB")));
    }

    @Test
    void evidenceIsStoredBySha256AndServedOnlyAsAnAttachmentToReaders() throws Exception {
        Incident mine = phishing(binhAn);
        String staff = "Bearer " + fixtures.apiKey("X-BA", Role.STAFF);
        String other = "Bearer " + fixtures.apiKey("X-HP", Role.IT_OFFICER);
        MockMultipartFile eml = new MockMultipartFile(
                "file",
                "<script>thu-gia-mao.html",
                "text/html",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        String body = mvc.perform(multipart("/api/v1/incidents/" + mine.id() + "/evidence")
                        .file(eml)
                        .header("Authorization", staff))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sha256", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}")))
                .andExpect(jsonPath("$.scanResult").value("NOT_SCANNED"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long evidenceId = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(get("/api/v1/incidents/evidence/" + evidenceId).header("Authorization", staff))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/octet-stream"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")));
        mvc.perform(get("/api/v1/incidents/evidence/" + evidenceId).header("Authorization", other))
                .andExpect(status().isNotFound());
    }

    @Test
    void aCommuneSeesAndWritesOnlyItsOwnIncidents() throws Exception {
        Incident mine = phishing(binhAn);
        Incident theirs = phishing(hoaPhu);
        String key = "Bearer " + fixtures.apiKey("X-BA", Role.STAFF);
        mvc.perform(get("/api/v1/incidents").header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(mine.id()));
        mvc.perform(get("/api/v1/incidents/" + theirs.id()).header("Authorization", key))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/incidents/" + theirs.id() + "/report/initial.docx")
                        .header("Authorization", key))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/incidents/" + theirs.id() + "/comments")
                        .header("Authorization", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"xem trộm\"}"))
                .andExpect(status().isNotFound());
        String report = "{\"unitId\":" + hoaPhu + ",\"title\":\"Báo hộ\",\"category\":\"MALWARE\"}";
        mvc.perform(post("/api/v1/incidents")
                        .header("Authorization", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(report))
                .andExpect(status().isNotFound());
        String own = "{\"unitId\":" + binhAn + ",\"title\":\"Máy tính nhiễm mã độc\",\"category\":\"MALWARE\"}";
        mvc.perform(post("/api/v1/incidents")
                        .header("Authorization", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(own))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("NEW"))
                .andExpect(jsonPath("$.severity").value("MEDIUM"));
        // staff may report but not triage
        mvc.perform(post("/api/v1/incidents/" + mine.id() + "/triage")
                        .header("Authorization", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"severity\":\"HIGH\",\"category\":\"PHISHING\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void initialReportIsAnOfficialDocumentWithTheFormFields() throws Exception {
        Incident i = phishing(binhAn);
        String key = "Bearer " + fixtures.apiKey("X-BA", Role.STAFF);
        byte[] docx = mvc.perform(get("/api/v1/incidents/" + i.id() + "/report/initial.docx")
                        .header("Authorization", key))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        OfficialDocumentAssert.check(
                docx,
                "BÁO CÁO BAN ĐẦU SỰ CỐ",
                List.of(
                        "UBND xã Bình An",
                        "Nguyễn Văn Bình",
                        "Hệ thống thư công vụ",
                        "10.20.4.10",
                        "Cấp độ 2",
                        "Windows Server 2019",
                        "hxxp://gov-vn-login.example/reset",
                        "Chưa xử lý",
                        "Thư điện tử đáng ngờ"));
        byte[] fin = Fixtures.asAdmin(() -> incidents.finalReport(UnitScope.province(), i.id()));
        OfficialDocumentAssert.check(fin, "BÁO CÁO KẾT THÚC", List.of("Bài học kinh nghiệm"));
    }

    /** Opens a DOCX with POI and checks the Decree 30 layout: page, font, header table, order of the parts. */
    static final class OfficialDocumentAssert {
        static void check(byte[] docx, String title, List<String> fields) throws Exception {
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
                var sect = doc.getDocument().getBody().getSectPr();
                assertThat(((java.math.BigInteger) sect.getPgSz().getW()).intValue())
                        .isEqualTo(11906);
                assertThat(((java.math.BigInteger) sect.getPgSz().getH()).intValue())
                        .isEqualTo(16838);
                assertThat(((java.math.BigInteger) sect.getPgMar().getLeft()).intValue())
                        .isBetween(1701, 1984);
                assertThat(((java.math.BigInteger) sect.getPgMar().getRight()).intValue())
                        .isBetween(850, 1134);
                List<IBodyElement> body = doc.getBodyElements();
                assertThat(body.get(0)).isInstanceOf(XWPFTable.class);
                XWPFTable head = (XWPFTable) body.get(0);
                var motto = head.getRow(0).getCell(1).getParagraphs();
                assertThat(motto.get(0).getText()).isEqualTo("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
                assertThat(motto.get(0).getRuns().get(0).isBold()).isTrue();
                assertThat(motto.get(1).getText()).isEqualTo("Độc lập - Tự do - Hạnh phúc");
                assertThat(motto.get(1).getRuns().get(0).getUnderline().name()).isEqualTo("SINGLE");
                String left = head.getRow(0).getCell(0).getText();
                assertThat(left).contains("XÃ BÌNH AN").contains("Số: ");
                assertThat(head.getRow(0)
                                .getCell(0)
                                .getParagraphs()
                                .get(1)
                                .getRuns()
                                .get(0)
                                .isBold())
                        .isTrue();
                XWPFParagraph date = (XWPFParagraph) body.get(1);
                assertThat(date.getText()).matches(".+, ngày \\d{2} tháng \\d{2} năm \\d{4}");
                assertThat(date.getRuns().get(0).isItalic()).isTrue();
                String text =
                        doc.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", (a, b) -> a + "\n" + b);
                assertThat(text.indexOf(title)).isPositive().isLessThan(text.indexOf("Kính gửi:"));
                assertThat(text.indexOf("Kính gửi:")).isLessThan(text.indexOf("1. "));
                for (String f : fields) {
                    assertThat(text).contains(f);
                }
                XWPFTable foot = (XWPFTable) body.get(body.size() - 1);
                var noiNhan = foot.getRow(0).getCell(0).getParagraphs().get(0);
                assertThat(noiNhan.getText()).isEqualTo("Nơi nhận:");
                assertThat(noiNhan.getRuns().get(0).isBold()).isTrue();
                assertThat(noiNhan.getRuns().get(0).isItalic()).isTrue();
                assertThat(foot.getRow(0).getCell(0).getText()).contains("- Lưu: VT");
                assertThat(foot.getRow(0).getCell(1).getText()).startsWith("TM. ");
                doc.getParagraphs().stream()
                        .flatMap(p -> p.getRuns().stream())
                        .forEach(r -> assertThat(r.getFontFamily()).isEqualTo("Times New Roman"));
            }
        }
    }
}

package vn.khien.app.directives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.khien.app.audit.AuditTrail;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;
import vn.khien.core.org.Role;

/** Directives end to end through the services and the API: import, correction, tasks, scope, evidence, reports. */
@KhienIntegrationTest
class DirectiveIntegrationTests {
    static final String HA_TINH = "demo/directives/ha-tinh-2019-357-UBND-KGVX.txt";

    @Autowired
    DirectiveService directives;

    @Autowired
    DirectiveTaskService tasks;

    @Autowired
    UnitReportService reports;

    @Autowired
    AuditTrail audit;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    long binhAn;
    long hoaPhu;
    long khcn;
    long khcnIt;
    long yTe;

    @BeforeEach
    void province() {
        fixtures.demoProvince();
        binhAn = fixtures.unit("X-BA").id();
        hoaPhu = fixtures.unit("X-HP").id();
        khcn = fixtures.unit("S-KHCN").id();
        khcnIt = fixtures.unit("S-KHCN-TTCNTT").id();
        yTe = fixtures.unit("S-YT").id();
    }

    static <T> T admin(java.util.function.Supplier<T> work) {
        return Fixtures.asAdmin(work);
    }

    static org.springframework.security.core.Authentication head(long unitId) {
        return org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                new vn.khien.app.security.KhienPrincipal(
                        9L, null, "truong-" + unitId, "Nguyễn Thị Hạnh", unitId, java.util.EnumSet.of(Role.UNIT_HEAD)),
                null,
                org.springframework.security.core.authority.AuthorityUtils.createAuthorityList(
                        "ROLE_UNIT_HEAD", "FACTOR_COMPLETE"));
    }

    static byte[] sample(String resource) throws Exception {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return in.readAllBytes();
        }
    }

    Directive imported() throws Exception {
        byte[] bytes = sample(HA_TINH);
        return Fixtures.asAdmin(
                () -> directives.importFile(UnitScope.province(), "ha-tinh.txt", new ByteArrayInputStream(bytes)));
    }

    Directive activeWithTasks(LocalDate deadline) throws Exception {
        Directive d = imported();
        Fixtures.asAdmin(() -> directives.activate(UnitScope.province(), d.id()));
        long item = d.items().get(0).id();
        Fixtures.asAdmin(() -> tasks.assign(
                UnitScope.province(), d.id(), item, List.of(binhAn, hoaPhu, khcn), deadline, List.of("AV-PRESENT")));
        return admin(() -> directives.get(UnitScope.province(), d.id()));
    }

    @Test
    void importsCorrectsAndActivatesADirectiveThroughTheApi() throws Exception {
        String coordinator = "Bearer " + fixtures.apiKey("T00", Role.COORDINATOR);
        String body = mvc.perform(multipart("/api/v1/directives/import")
                        .file(new MockMultipartFile("file", "ha-tinh.txt", "text/plain", sample(HA_TINH)))
                        .header("Authorization", coordinator))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.number").value("357"))
                .andExpect(jsonPath("$.symbol").value("UBND-KGVX"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = Long.parseLong(body.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
        Directive d = admin(() -> directives.get(UnitScope.province(), id));
        assertThat(d.items()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(d.issuedOn()).isEqualTo(LocalDate.of(2019, 1, 15));

        List<DirectiveEdit.ItemEdit> items = new java.util.ArrayList<>(d.items().stream()
                .skip(1)
                .map(i -> new DirectiveEdit.ItemEdit(i.id(), i.number(), i.text()))
                .toList());
        items.add(new DirectiveEdit.ItemEdit(null, "9", "Báo cáo kết quả trước ngày 30/6."));
        DirectiveEdit edit = new DirectiveEdit(
                "0357",
                d.symbol(),
                d.issuerParent(),
                d.issuerBody(),
                d.place(),
                LocalDate.of(2019, 1, 16),
                d.subject(),
                "KHẨN",
                null,
                d.recipients(),
                d.cc(),
                d.signerAuthority(),
                d.signerPosition(),
                d.signerName(),
                items);
        mvc.perform(put("/api/v1/directives/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(tools.jackson.databind.json.JsonMapper.builder()
                                .build()
                                .writeValueAsString(edit))
                        .header("Authorization", coordinator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value("0357"))
                .andExpect(jsonPath("$.urgency").value("KHẨN"))
                .andExpect(jsonPath("$.items.length()").value(d.items().size()))
                .andExpect(jsonPath("$.items[" + (d.items().size() - 1) + "].text")
                        .value("Báo cáo kết quả trước ngày 30/6."));
        mvc.perform(get("/api/v1/directives/" + id + "/source").header("Authorization", coordinator))
                .andExpect(status().isOk())
                .andExpect(content().bytes(sample(HA_TINH)));
        mvc.perform(post("/api/v1/directives/" + id + "/activate").header("Authorization", coordinator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        assertThat(audit.forEntity("directive", String.valueOf(id), 10))
                .extracting(e -> e.action())
                .contains("directive.import", "directive.update", "directive.activate");
    }

    @Test
    void refusesHostileOrOversizedImports() throws Exception {
        String coordinator = "Bearer " + fixtures.apiKey("T00", Role.COORDINATOR);
        mvc.perform(multipart("/api/v1/directives/import")
                        .file(new MockMultipartFile(
                                "file", "x.docx", "application/octet-stream", "PK\u0003\u0004garbage".getBytes()))
                        .header("Authorization", coordinator))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(multipart("/api/v1/directives/import")
                        .file(new MockMultipartFile("file", "x.exe", "application/octet-stream", new byte[10]))
                        .header("Authorization", coordinator))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/v1/directives/import")
                        .file(new MockMultipartFile("file", "big.txt", "text/plain", new byte[6 * 1024 * 1024]))
                        .header("Authorization", coordinator))
                .andExpect(status().isContentTooLarge());
        String officer = "Bearer " + fixtures.apiKey("X-BA", Role.IT_OFFICER);
        mvc.perform(multipart("/api/v1/directives/import")
                        .file(new MockMultipartFile("file", "a.txt", "text/plain", sample(HA_TINH)))
                        .header("Authorization", officer))
                .andExpect(status().isForbidden());
    }

    @Test
    void assignsToThreeUnitsAndADepartmentPassesItOnToItsSubUnit() throws Exception {
        Directive d = activeWithTasks(LocalDate.now().plusDays(20));
        List<DirectiveTask> all = admin(() -> tasks.tasks(UnitScope.province(), d.id()));
        assertThat(all).extracting(DirectiveTask::unitId).containsExactlyInAnyOrder(binhAn, hoaPhu, khcn);
        assertThat(all).allSatisfy(t -> assertThat(t.rules()).containsExactly("AV-PRESENT"));
        DirectiveTask dept =
                all.stream().filter(t -> t.unitId() == khcn).findFirst().orElseThrow();

        String deptOfficer = "Bearer " + fixtures.apiKey("S-KHCN", Role.IT_OFFICER);
        mvc.perform(post("/api/v1/directives/tasks/" + dept.id() + "/sub-assign")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitIds\":[" + khcnIt + "],\"deadline\":\""
                                + dept.deadline().plusDays(1) + "\"}")
                        .header("Authorization", deptOfficer))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/directives/tasks/" + dept.id() + "/sub-assign")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitIds\":[" + binhAn + "],\"deadline\":\"" + dept.deadline() + "\"}")
                        .header("Authorization", deptOfficer))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/directives/tasks/" + dept.id() + "/sub-assign")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitIds\":[" + khcnIt + "],\"deadline\":\""
                                + dept.deadline().minusDays(5) + "\"}")
                        .header("Authorization", deptOfficer))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$[0].parentTaskId").value(dept.id()))
                .andExpect(jsonPath("$[0].rules[0]").value("AV-PRESENT"));
        mvc.perform(get("/api/v1/directives/tasks/" + dept.id()).header("Authorization", deptOfficer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subTasks.length()").value(1))
                .andExpect(jsonPath("$.measured[0].rule").value("AV-PRESENT"));
    }

    @Test
    void aCommuneOfficerSeesOnlyItsOwnUnitsTasks() throws Exception {
        Directive d = activeWithTasks(LocalDate.now().plusDays(20));
        String binhAnOfficer = "Bearer " + fixtures.apiKey("X-BA", Role.IT_OFFICER);
        mvc.perform(get("/api/v1/directives/tasks").header("Authorization", binhAnOfficer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].unitId").value(binhAn));
        mvc.perform(get("/api/v1/directives/" + d.id() + "/tasks").header("Authorization", binhAnOfficer))
                .andExpect(jsonPath("$.length()").value(1));
        long hoaPhuTask = admin(() -> tasks.tasks(UnitScope.province(), d.id())).stream()
                .filter(t -> t.unitId() == hoaPhu)
                .findFirst()
                .orElseThrow()
                .id();
        mvc.perform(get("/api/v1/directives/tasks/" + hoaPhuTask).header("Authorization", binhAnOfficer))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/directives/tasks/" + hoaPhuTask + "/status")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"DONE\",\"progress\":100}")
                        .header("Authorization", binhAnOfficer))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/directives/" + d.id() + "/overview").header("Authorization", binhAnOfficer))
                .andExpect(jsonPath("$.rows.length()").value(1));
        // a unit without a task does not see the directive at all
        String other = "Bearer " + fixtures.apiKey("X-TL", Role.IT_OFFICER);
        mvc.perform(get("/api/v1/directives").header("Authorization", other))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/directives/" + d.id()).header("Authorization", other))
                .andExpect(status().isNotFound());
        String coordinator = "Bearer " + fixtures.apiKey("T00", Role.COORDINATOR);
        mvc.perform(get("/api/v1/directives/tasks").header("Authorization", coordinator))
                .andExpect(jsonPath("$.length()").value(3));
    }

    @Test
    void evidenceIsLimitedInSizeAndVisibleOnlyInScope() throws Exception {
        Directive d = activeWithTasks(LocalDate.now().plusDays(20));
        long task = admin(() -> tasks.tasks(UnitScope.province(), d.id())).stream()
                .filter(t -> t.unitId() == binhAn)
                .findFirst()
                .orElseThrow()
                .id();
        String officer = "Bearer " + fixtures.apiKey("X-BA", Role.IT_OFFICER);
        mvc.perform(multipart("/api/v1/directives/tasks/" + task + "/evidence")
                        .file(new MockMultipartFile(
                                "file",
                                "lon.bin",
                                "application/octet-stream",
                                new byte[(int) DirectiveTaskService.MAX_EVIDENCE_BYTES + 1]))
                        .header("Authorization", officer))
                .andExpect(status().isContentTooLarge());
        String body = mvc.perform(multipart("/api/v1/directives/tasks/" + task + "/evidence")
                        .file(new MockMultipartFile(
                                "file", "bien-ban.pdf", "application/pdf", "%PDF-1.4 biên bản".getBytes()))
                        .header("Authorization", officer))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fileName").value("bien-ban.pdf"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long evidence = Long.parseLong(body.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
        mvc.perform(get("/api/v1/directives/evidence/" + evidence).header("Authorization", officer))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_OCTET_STREAM));
        String hoaPhuOfficer = "Bearer " + fixtures.apiKey("X-HP", Role.IT_OFFICER);
        mvc.perform(get("/api/v1/directives/evidence/" + evidence).header("Authorization", hoaPhuOfficer))
                .andExpect(status().isNotFound());
        assertThat(admin(() -> tasks.evidence(UnitScope.province(), task))).hasSize(1);
    }

    @Test
    void anOfficerSubmitsAndOnlyTheHeadOfThatUnitApproves() throws Exception {
        Directive d = activeWithTasks(LocalDate.now().plusDays(20));
        String officer = "Bearer " + fixtures.apiKey("X-BA", Role.IT_OFFICER);
        String coordinator = "Bearer " + fixtures.apiKey("T00", Role.COORDINATOR);
        // API keys cannot hold UNIT_HEAD: the heads act through a signed-in session
        var otherHead = head(hoaPhu);
        var head = head(binhAn);
        mvc.perform(get("/api/v1/directives/" + d.id() + "/reports/" + binhAn).header("Authorization", officer))
                .andExpect(jsonPath("$.status").value("NONE"))
                .andExpect(jsonPath("$.tasks.length()").value(1))
                .andExpect(jsonPath("$.figures[0].rule").value("AV-PRESENT"));
        mvc.perform(post("/api/v1/directives/" + d.id() + "/reports/" + binhAn + "/submit")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"Đã rà soát\"}")
                        .header("Authorization", coordinator))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/directives/" + d.id() + "/reports/" + hoaPhu + "/submit")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"Đã rà soát\"}")
                        .header("Authorization", officer))
                .andExpect(status().isForbidden());
        String body = mvc.perform(post("/api/v1/directives/" + d.id() + "/reports/" + binhAn + "/submit")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"Đã cài phần mềm diệt virus cho 12/12 máy.\"}")
                        .header("Authorization", officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long report = Long.parseLong(body.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
        mvc.perform(post("/api/v1/directives/reports/" + report + "/approve").header("Authorization", officer))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/directives/reports/" + report + "/approve")
                        .with(authentication(otherHead))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/directives/reports/" + report + "/approve").header("Authorization", coordinator))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/directives/reports/" + report + "/approve")
                        .with(authentication(head))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.decidedBy").isNotEmpty());
        mvc.perform(get("/api/v1/directives/" + d.id() + "/overview").header("Authorization", coordinator))
                .andExpect(jsonPath("$.reported").value(1))
                .andExpect(jsonPath("$.rows.length()").value(3));
        Overview o = admin(() -> reports.overview(UnitScope.province(), d.id()));
        assertThat(o.rows())
                .filteredOn(r -> r.unitId() == binhAn)
                .singleElement()
                .satisfies(r -> assertThat(r.reportStatus()).isEqualTo(ReportStatus.APPROVED));
    }

    @Test
    void anOverdueTaskIsMarkedAndEscalatedOnceToTheParentUnit() throws Exception {
        Directive d = activeWithTasks(LocalDate.now().minusDays(3));
        String coordinator = "Bearer " + fixtures.apiKey("T00", Role.COORDINATOR);
        long done = admin(() -> tasks.tasks(UnitScope.province(), d.id())).stream()
                .filter(t -> t.unitId() == hoaPhu)
                .findFirst()
                .orElseThrow()
                .id();
        String hoaPhuOfficer = "Bearer " + fixtures.apiKey("X-HP", Role.IT_OFFICER);
        mvc.perform(post("/api/v1/directives/tasks/" + done + "/status")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"DONE\",\"progress\":100,\"note\":\"Xong\"}")
                        .header("Authorization", hoaPhuOfficer))
                .andExpect(status().isOk());
        String officer = "Bearer " + fixtures.apiKey("X-BA", Role.IT_OFFICER);
        mvc.perform(post("/api/v1/directives/overdue-check").header("Authorization", officer))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/directives/overdue-check").header("Authorization", coordinator))
                .andExpect(status().isOk())
                .andExpect(content().string("2"));
        mvc.perform(post("/api/v1/directives/overdue-check").header("Authorization", coordinator))
                .andExpect(content().string("0"));
        DirectiveTask t = admin(() -> tasks.tasks(UnitScope.province(), d.id())).stream()
                .filter(x -> x.unitId() == binhAn)
                .findFirst()
                .orElseThrow();
        assertThat(t.status()).isEqualTo(TaskStatus.OVERDUE);
        assertThat(t.escalatedTo()).isEqualTo(fixtures.unit("T00").id());
        assertThat(admin(() -> tasks.timeline(UnitScope.province(), t.id())))
                .filteredOn(e -> e.kind().equals("ESCALATED"))
                .singleElement()
                .satisfies(e -> assertThat(e.text()).contains("UBND Tỉnh Demo"));
        assertThat(admin(() -> tasks.escalations(UnitScope.province())))
                .extracting(DirectiveTask::id)
                .contains(t.id());
        assertThat(audit.forEntity("directive_task", String.valueOf(t.id()), 10))
                .extracting(e -> e.action())
                .contains("directive.task.overdue");
        mvc.perform(get("/api/v1/directives/" + d.id() + "/overview").header("Authorization", coordinator))
                .andExpect(jsonPath("$.rows[?(@.unitId == " + binhAn + ")].overdue")
                        .value(1));
        assertThatThrownBy(() -> Fixtures.asAdmin(
                        () -> tasks.updateStatus(UnitScope.province(), t.id(), TaskStatus.OVERDUE, 0, null)))
                .isInstanceOf(DirectiveException.class);
    }

    @Test
    void pagesShowTheDirectiveToAnOfficerOfAnAssignedUnitOnly() throws Exception {
        Directive d = activeWithTasks(LocalDate.now().plusDays(20));
        var officer = org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                new vn.khien.app.security.KhienPrincipal(
                        8L, null, "cntt.binhan", "Cán bộ CNTT", binhAn, java.util.EnumSet.of(Role.IT_OFFICER)),
                null,
                org.springframework.security.core.authority.AuthorityUtils.createAuthorityList(
                        "ROLE_IT_OFFICER", "FACTOR_COMPLETE"));
        mvc.perform(get("/directives/" + d.id()).with(authentication(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("directive-facts")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("directive-form"))));
        mvc.perform(get("/directives/tasks").with(authentication(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Xã Bình An")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Xã Hòa Phú"))));
        mvc.perform(get("/directives/" + d.id() + "/overview").with(authentication(officer)))
                .andExpect(status().isOk());
        Directive draft = imported();
        mvc.perform(get("/directives/" + draft.id()).with(authentication(officer)))
                .andExpect(status().isNotFound());
    }
}

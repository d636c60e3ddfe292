package vn.khien.app.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.khien.app.org.Person;
import vn.khien.app.org.PersonService;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;
import vn.khien.core.org.Role;

/** Rosters: the Tết template gives 24/7 coverage, gaps show around it, swaps need approval, scope holds. */
@KhienIntegrationTest
class DutyIntegrationTests {
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    DutyService duty;

    @Autowired
    PersonService people;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    DutyTeam team;
    Person a;
    Person b;
    Person c;

    @BeforeEach
    void setUp() {
        fixtures.demoProvince();
        a = people.search(UnitScope.province(), null, "dung.dv@", 1, 0).get(0);
        b = people.search(UnitScope.province(), null, "trung.hd@", 1, 0).get(0);
        c = people.search(UnitScope.province(), null, "an.lm@", 1, 0).get(0);
        team = Fixtures.asAdmin(() ->
                duty.createTeam(UnitScope.province(), fixtures.unit("T00").id(), "Đội ứng cứu sự cố tỉnh", c.id()));
    }

    static Instant local(String t) {
        return LocalDateTime.parse(t).atZone(VN).toInstant();
    }

    List<Shift> tet() {
        return Fixtures.asAdmin(() -> duty.applyHolidayTemplate(
                UnitScope.province(),
                team.id(),
                LocalDate.of(2026, 2, 14),
                LocalDate.of(2026, 2, 22),
                3,
                List.of(a.id(), b.id()),
                List.of(b.id(), a.id()),
                "Trực Tết"));
    }

    @Test
    void tetTemplateCoversEveryHourWithAPrimaryAndABackup() {
        List<Shift> shifts = tet();
        assertThat(shifts).hasSize(9 * 3 * 2);
        assertThat(duty.gaps(UnitScope.province(), local("2026-02-14T00:00"), local("2026-02-23T00:00")))
                .isEmpty();
        List<CoverageGap> around =
                duty.gaps(UnitScope.province(), local("2026-02-13T00:00"), local("2026-02-24T00:00"));
        assertThat(around).hasSize(4);
        assertThat(around).extracting(CoverageGap::from).contains(local("2026-02-13T00:00"), local("2026-02-23T00:00"));
        OnDuty twoAm =
                duty.onDuty(UnitScope.province(), local("2026-02-17T02:00")).get(0);
        assertThat(twoAm.primaryId()).isNotNull().isNotEqualTo(twoAm.backupId());
        assertThat(twoAm.leadId()).isEqualTo(c.id());
        assertThatThrownBy(this::tet).isInstanceOf(DutyException.class).hasMessageContaining("already has shifts");
    }

    @Test
    void swapTakesEffectOnlyWhenApproved() {
        Shift first = tet().get(0);
        Swap asked = Fixtures.asAdmin(() -> duty.requestSwap(UnitScope.province(), first.id(), c.id()));
        assertThat(duty.shifts(UnitScope.province(), team.id(), first.startsAt(), first.endsAt()))
                .filteredOn(s -> s.id() == first.id())
                .extracting(Shift::personId)
                .containsExactly(first.personId());
        Swap approved = Fixtures.asAdmin(() -> duty.decideSwap(UnitScope.province(), asked.id(), true));
        assertThat(approved.status()).isEqualTo("APPROVED");
        assertThat(duty.shifts(UnitScope.province(), team.id(), first.startsAt(), first.endsAt()))
                .filteredOn(s -> s.id() == first.id())
                .extracting(Shift::personId)
                .containsExactly(c.id());
        assertThatThrownBy(() -> Fixtures.asAdmin(() -> duty.decideSwap(UnitScope.province(), asked.id(), false)))
                .hasMessageContaining("already decided");
        Handover h = Fixtures.asAdmin(
                () -> duty.handover(UnitScope.province(), team.id(), first.id(), "Không có sự cố tồn đọng"));
        assertThat(duty.handovers(UnitScope.province(), team.id()))
                .extracting(Handover::note)
                .containsExactly(h.note());
    }

    @Test
    void onDutyNowThroughTheApiRespectsScope() throws Exception {
        tet();
        String coordinator = "Bearer " + fixtures.apiKey("T00", Role.COORDINATOR);
        String commune = "Bearer " + fixtures.apiKey("X-BA", Role.IT_OFFICER);
        mvc.perform(get("/api/v1/duty/now").param("at", "2026-02-16T19:00:00Z").header("Authorization", coordinator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].team.name").value("Đội ứng cứu sự cố tỉnh"))
                .andExpect(jsonPath("$[0].primary.personName").isNotEmpty())
                .andExpect(jsonPath("$[0].backup.personName").isNotEmpty());
        mvc.perform(get("/api/v1/duty/now").header("Authorization", commune))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/duty/teams/" + team.id() + "/handovers").header("Authorization", commune))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/duty/gaps").header("Authorization", coordinator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2));
    }
}

package vn.khien.app.directives;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;

/** The demo province's directives: the five samples through the parser, tasks in various states, two reports. */
@KhienIntegrationTest
class DemoDirectivesIntegrationTests {
    @Autowired
    Fixtures fixtures;

    @Autowired
    DirectiveService directives;

    @Autowired
    DirectiveTaskService tasks;

    @Autowired
    UnitReportService reports;

    @Test
    void theDemoHoldsTheFiveSamplesWithTasksInVariousStatesAndReports() {
        fixtures.demoProvinceWithFeatures();
        Fixtures.asAdmin(() -> {
            List<Directive> all = directives.list(UnitScope.province());
            assertThat(all).hasSize(5).allSatisfy(d -> assertThat(d.active()).isTrue());
            List<DirectiveTask> ts = tasks.myTasks(UnitScope.province());
            assertThat(ts)
                    .extracting(DirectiveTask::status)
                    .contains(TaskStatus.NEW, TaskStatus.IN_PROGRESS, TaskStatus.DONE, TaskStatus.OVERDUE);
            assertThat(ts).anySatisfy(t -> assertThat(t.rules()).contains("AV-PRESENT", "EDR-PRESENT"));
            assertThat(ts).anySatisfy(t -> assertThat(t.parentTaskId()).isNotNull());
            assertThat(tasks.escalations(UnitScope.province())).isNotEmpty();
            long reported = all.stream()
                    .mapToLong(
                            d -> reports.overview(UnitScope.province(), d.id()).reported())
                    .sum();
            assertThat(reported).isEqualTo(2);
            assertThat(all.stream()
                            .flatMap(d -> reports.overview(UnitScope.province(), d.id()).rows().stream())
                            .map(Overview.Row::reportStatus))
                    .contains(ReportStatus.SUBMITTED, ReportStatus.APPROVED);
            return null;
        });
    }
}

package vn.khien.app.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khien.app.intel.IntelService;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;

/** The demo step runs its STIX bundle and generated dnsmasq log through the real importers into a few alerts. */
@KhienIntegrationTest
class DemoDetectionIntegrationTests {
    @Autowired
    Fixtures fixtures;

    @Autowired
    DetectionService detection;

    @Autowired
    IntelService intel;

    @Test
    void demoProvinceHasAHandfulOfAttributedAlerts() {
        fixtures.demoProvinceWithFeatures();
        assertThat(intel.count()).isEqualTo(4);
        List<Alert> alerts =
                Fixtures.asAdmin(() -> detection.alerts(UnitScope.province(), null, null, null, null, 100, 0));
        // webmail is off here: the seeded list is emptied with every table before each test
        assertThat(alerts)
                .extracting(Alert::sourceIp)
                .containsExactlyInAnyOrder("10.20.4.57", "10.20.5.23", "10.11.4.31");
        Alert apt = alerts.stream()
                .filter(a -> a.sourceIp().equals("10.20.4.57"))
                .findFirst()
                .orElseThrow();
        assertThat(apt.unitId()).isEqualTo(fixtures.unit("X-BA").id());
        assertThat(apt.severity()).isEqualTo("CRITICAL");
        assertThat(apt.tags()).contains("apt");
        assertThat(apt.count()).isGreaterThan(1);
        assertThat(alerts).allSatisfy(a -> assertThat(a.unitId()).isNotNull());
    }
}

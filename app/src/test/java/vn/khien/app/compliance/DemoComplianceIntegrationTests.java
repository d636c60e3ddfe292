package vn.khien.app.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khien.app.inventory.EndpointFilter;
import vn.khien.app.inventory.InventoryService;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;

/** The demo province's ~2,000 generated endpoints, imported through the real importers, show the planted gaps. */
@KhienIntegrationTest
class DemoComplianceIntegrationTests {
    @Autowired
    Fixtures fixtures;

    @Autowired
    InventoryService inventory;

    @Autowired
    ComplianceService compliance;

    List<Finding> open(String rule) {
        return compliance.findings(UnitScope.province(), new FindingFilter(rule, null, "OPEN", null), 10_000, 0);
    }

    @Test
    void demoEndpointsAreImportedAndEvaluatedWithTheirGaps() {
        fixtures.demoProvinceWithFeatures();
        assertThat(inventory.count(UnitScope.province(), null)).isEqualTo(2_000);
        assertThat(inventory.list(UnitScope.province(), EndpointFilter.none(), 10_000, 0))
                .allSatisfy(e -> assertThat(e.unitId()).isNotNull());
        assertThat(open("SECRET-ZONE")).hasSize(1);
        assertThat(open("SECRET-USB")).hasSize(1);
        assertThat(open("EDR-PRESENT")).isNotEmpty();
        assertThat(open("AV-CURRENT")).isNotEmpty();
        assertThat(open("PATCH-AGE")).isNotEmpty();
        assertThat(compliance.scores(UnitScope.province())).isNotEmpty();
    }
}

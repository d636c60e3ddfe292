package vn.khien.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;

/** The demo province's accounts come through the CSV importer and the registry audit finds their problems. */
@KhienIntegrationTest
class DemoAccountsIntegrationTests {
    @Autowired
    Fixtures fixtures;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountAuditService audits;

    @Test
    void demoAccountsHaveIdleOrphanedAndAdminFindings() {
        fixtures.demoProvinceWithFeatures();
        assertThat(accounts.count(UnitScope.province())).isGreaterThan(200);
        Map<String, Long> open = Fixtures.asAdmin(() -> audits.openByRule(UnitScope.province()));
        assertThat(open).containsKeys("ACCOUNT-IDLE", "ACCOUNT-ORPHAN", "ACCOUNT-ADMIN-MFA");
        assertThat(audits.findings(UnitScope.province(), null, "ACCOUNT-ORPHAN", true))
                .anySatisfy(f -> assertThat(f.login()).isEqualTo("hung.nv"))
                .anySatisfy(f -> assertThat(f.login()).isEqualTo("vanthu.chung"));
    }
}

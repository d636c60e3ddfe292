package vn.khien.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;
import vn.khien.app.cli.KhienCommand;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;
import vn.khien.app.support.TestDatabase;

@KhienIntegrationTest
class AuditTrailIntegrationTests {
    @Autowired
    AuditTrail audit;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyImportedRecordIsAuditedAndTheChainVerifies() {
        fixtures.demoProvince();
        long rows =
                jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        assertThat(rows).isGreaterThanOrEqualTo(29 + 260);
        assertThat(audit.list(
                        UnitScope.province(),
                        new AuditFilter("test-admin", "unit.import", null, null, null),
                        java.time.ZoneId.of("Asia/Ho_Chi_Minh"),
                        100,
                        0))
                .hasSize(29);
        ChainVerification v = audit.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.checked()).isEqualTo(rows);
    }

    @Test
    void detectsAModifiedRow() {
        fixtures.demoProvince();
        jdbc.sql("update audit_event set after = replace(after, 'Bình An', 'Bình Yên') where seq = 20")
                .update();
        ChainVerification v = audit.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(20);
        assertThat(v.reason()).contains("modified");
    }

    @Test
    void detectsADeletedRowAndARewrittenHash() {
        fixtures.demoProvince();
        jdbc.sql("delete from audit_event where seq = 7").update();
        ChainVerification v = audit.verify();
        assertThat(v.brokenAt()).isEqualTo(8);
        assertThat(v.reason()).contains("missing");
    }

    @Test
    void detectsARowWhoseHashWasRecomputedWithoutItsSuccessors() {
        fixtures.demoProvince();
        jdbc.sql("update audit_event set actor = 'x', hash = md5('x') || md5('y') where seq = 5")
                .update();
        assertThat(audit.verify().brokenAt()).isEqualTo(5);
    }

    @Test
    void cliVerifiesTheChainAndFailsOnTampering() {
        fixtures.demoProvince();
        assertThat(run()).isZero();
        jdbc.sql("update audit_event set actor = 'someone-else' where seq = 3").update();
        assertThat(run()).isEqualTo(1);
    }

    private static int run() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new KhienCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(
                "audit-verify",
                "--khien.db.url=" + TestDatabase.url(),
                "--khien.db.user=" + TestDatabase.user(),
                "--khien.db.password=" + TestDatabase.password(),
                "--khien.data-dir=" + TestDatabase.dataDir().resolve("cli"));
    }
}

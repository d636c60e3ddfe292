package vn.khien.app.compliance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.khien.app.inventory.Classification;
import vn.khien.app.inventory.InventoryService;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.support.ChromiumExtension;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;
import vn.khien.core.inventory.Zone;
import vn.khien.core.org.Role;

/**
 * Walks compliance in Debian's Chromium: the province dashboard, a commune's page, one of its endpoints, the
 * finding on it, and the exception workflow (request, approve). Screenshots go to
 * {@code target/screenshots/inventory-NN-*.png}.
 */
@KhienIntegrationTest
class ComplianceBrowserIntegrationTests {
    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension("inventory-");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    InventoryService inventory;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void machine(String hostname, String ip, boolean antivirus) {
        String at = Instant.now()
                .minus(1, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        String av = antivirus
                ? ", \"securityProducts\": [{\"name\": \"Bkav Endpoint\", \"kind\": \"antivirus\", \"running\": true,"
                        + " \"enabled\": true, \"signatureDate\": \"" + at + "\", \"signaturesUpToDate\": true},"
                        + " {\"name\": \"Bkav EDR\", \"kind\": \"edr\", \"running\": true, \"enabled\": true}]"
                : "";
        String report = """
                {"schemaVersion": 1, "collectedAt": "%s", "agent": "khien-report.ps1/1.0", "host": {"hostname": "%s"},
                 "os": {"name": "Microsoft Windows 11 Pro", "version": "10.0.22631", "build": "22631", "platform": "windows"},
                 "interfaces": [{"name": "Ethernet", "ip": "%s", "mac": "00-1A-2B-3C-4D-%02X"}],
                 "patches": [{"id": "KB5046633", "installedOn": "%s", "description": "Security Update"}],
                 "software": [{"name": "Microsoft Office Professional Plus 2019", "version": "16.0.10827.20181"}]%s}
                """.formatted(at, hostname, ip, hostname.hashCode() & 0xff, at.substring(0, 10), av);
        Fixtures.asAdmin(() -> {
            inventory.submitReport(UnitScope.province(), report.getBytes(StandardCharsets.UTF_8));
            return inventory.classifyAll(
                    UnitScope.province(), Map.of(hostname, new Classification(Zone.CPNET, false, false)));
        });
    }

    @Test
    void dashboardUnitEndpointFindingAndException() {
        fixtures.demoProvince();
        machine("XBA-PC01", "10.20.4.21", true);
        machine("XBA-PC02", "10.20.4.22", false);
        machine("XHP-PC01", "10.20.5.21", true);
        machine("SVP-PC01", "10.11.1.21", true);
        String oneTime = fixtures.login("truong.tinh", "T00", EnumSet.of(Role.UNIT_HEAD));

        try (BrowserContext ctx = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("vi-VN"))) {
            Page page = ctx.newPage();
            page.navigate(url("/login"));
            page.fill("#username", "truong.tinh");
            page.fill("#password", oneTime);
            page.click("#login-submit");
            page.fill("#current", oneTime);
            page.fill("#new-password", "Tỉnh-Demo-Tuân-Thủ-2026");
            page.fill("#confirm-password", "Tỉnh-Demo-Tuân-Thủ-2026");
            page.click("#password-submit");
            assertThat(page).hasURL(url("/"));

            page.locator("nav a[href='/compliance']").click();
            assertThat(page.locator("h1")).hasText("Tuân thủ chỉ thị");
            assertThat(page.locator("#ranking")).containsText("Xã Bình An");
            page.waitForFunction("() => window.Chart && Chart.getChart(document.querySelector('canvas.trend-chart'))");
            chromium.shot(page, "01-dashboard");

            page.locator("#ranking a", new Page.LocatorOptions().setHasText("Xã Bình An"))
                    .click();
            assertThat(page.locator("#unit-name")).hasText("Xã Bình An");
            assertThat(page.locator("#unit-findings")).containsText("AV-PRESENT");
            chromium.shot(page, "02-unit");

            page.locator("#unit-findings a", new Page.LocatorOptions().setHasText("XBA-PC02"))
                    .first()
                    .click();
            assertThat(page.locator("#endpoint-name")).hasText("XBA-PC02");
            assertThat(page.locator("#endpoint-findings-table")).containsText("AV-PRESENT");
            assertThat(page.locator(".facts-table")).containsText("KB5046633");
            chromium.shot(page, "03-endpoint");

            page.locator("#endpoint-findings-table a", new Page.LocatorOptions().setHasText("AV-PRESENT"))
                    .click();
            assertThat(page.locator("#finding-title")).containsText("AV-PRESENT");
            assertThat(page.locator("#finding-status")).hasText("Đang mở");
            chromium.shot(page, "04-finding");

            page.fill("#request-exception input[name=justification]", "Máy chờ thanh lý, đã tháo khỏi mạng CPNet");
            page.click("#request-exception button");
            assertThat(page.locator("#exceptions")).containsText("Chờ phê duyệt");
            chromium.shot(page, "05-exception-requested");

            page.fill("#exceptions input[name=note]", "Đồng ý đến khi thanh lý");
            page.locator("#exceptions button[value=true]").click();
            assertThat(page.locator(".notice")).hasText("Đã phê duyệt ngoại lệ.");
            assertThat(page.locator("#exceptions")).containsText("Đã phê duyệt");
            assertThat(page.locator("#finding-status + .tag")).hasText("có ngoại lệ");
            chromium.shot(page, "06-exception-approved");

            page.navigate(url("/findings?status="));
            assertThat(page.locator("#findings")).containsText("AV-PRESENT");
            chromium.shot(page, "07-findings");
            page.navigate(url("/endpoints"));
            assertThat(page.locator("#endpoints tbody tr")).hasCount(4);
            chromium.shot(page, "08-endpoints");
            page.navigate(url("/compliance?lang=en"));
            assertThat(page.locator("h1")).hasText("Directive compliance");
            page.navigate(url("/compliance?lang=vi"));
        }
    }

    @Test
    void anItOfficerImportsAResultLogAsAJobAndReadsTheReportLineByLine() throws Exception {
        fixtures.demoProvince();
        String oneTime = fixtures.login("cntt.binhan", "X-BA", EnumSet.of(Role.IT_OFFICER));
        Path log = Files.createTempFile("khien-results", ".jsonl");
        try (var in = getClass().getResourceAsStream("/osquery/khien-results.jsonl")) {
            Files.write(log, in.readAllBytes());
        }
        try (BrowserContext ctx = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("vi-VN"))) {
            Page page = ctx.newPage();
            page.navigate(url("/login"));
            page.fill("#username", "cntt.binhan");
            page.fill("#password", oneTime);
            page.click("#login-submit");
            page.fill("#current", oneTime);
            page.fill("#new-password", "Xã-Bình-An-2026!");
            page.fill("#confirm-password", "Xã-Bình-An-2026!");
            page.click("#password-submit");
            assertThat(page).hasURL(url("/"));

            page.navigate(url("/inventory/import"));
            page.locator("#import-osquery input[type=file]").setInputFiles(log);
            chromium.shot(page, "09-import");
            page.click("#import-osquery button");
            // the job's bar polls until the import is done and shows read / accepted / rejected
            assertThat(page.locator(".job")).containsText("17 / 13 / 4");
            chromium.shot(page, "10-import-job");

            page.navigate(url("/inventory/import"));
            page.locator("#imports tbody a").first().click();
            assertThat(page.locator("#rejections")).containsText("unknown query 'processes'");
            assertThat(page.locator("#rejections tbody tr td:first-child"))
                    .hasText(new String[] {"15", "16", "17", "18"});
            chromium.shot(page, "11-import-report");

            page.navigate(url("/inventory/import"));
            page.fill("#secrets input[name=label]", "Máy trạm UBND xã");
            page.click("#secrets button");
            assertThat(page.locator("#new-secret")).containsText("khien-es-");
        } finally {
            Files.deleteIfExists(log);
        }
    }
}

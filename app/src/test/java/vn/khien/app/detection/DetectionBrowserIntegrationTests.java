package vn.khien.app.detection;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.khien.app.support.ChromiumExtension;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;
import vn.khien.core.org.Role;

/**
 * In Debian Chromium: a responder browses the demo's alerts down to one alert, uploads a log that raises a new
 * alert (watching the job), and looks at feeds and indicators; a commune officer sees only their commune's alerts.
 * Screenshots go to {@code target/screenshots/detection-NN-*.png}.
 */
@KhienIntegrationTest
class DetectionBrowserIntegrationTests {
    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension("detection-");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(Page page, String user, String oneTime, String password) {
        page.navigate(url("/login"));
        page.fill("#username", user);
        page.fill("#password", oneTime);
        page.click("#login-submit");
        page.fill("#current", oneTime);
        page.fill("#new-password", password);
        page.fill("#confirm-password", password);
        page.click("#password-submit");
        assertThat(page).hasURL(url("/"));
    }

    @Test
    void responderFollowsAnAlertAndUploadsALogWhileACommuneOfficerSeesOnlyTheirOwn() {
        fixtures.demoProvinceWithFeatures();
        String responder = fixtures.login("ungcuu", "CA", EnumSet.of(Role.RESPONDER));
        String officer = fixtures.login("cntt.binhan", "X-BA", EnumSet.of(Role.IT_OFFICER));

        try (BrowserContext ctx = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("vi-VN"))) {
            Page page = ctx.newPage();
            signIn(page, "ungcuu", responder, "Ứng-Cứu-Sự-Cố-2026");
            page.click("text=Phát hiện");
            assertThat(page.locator("h1")).hasText("Cảnh báo");
            assertThat(page.locator("#alerts tbody tr")).hasCount(3);
            chromium.shot(page, "01-alerts");
            page.click("#alerts a:has-text('10.20.4.57')");
            assertThat(page.locator("main")).containsText("cap-nhat-phan-mem.test");
            assertThat(page.locator("main")).containsText("Xã Bình An");
            assertThat(page.locator("main")).containsText("Nghiêm trọng");
            chromium.shot(page, "02-alert");
            page.selectOption("select[name=status]", "ACKNOWLEDGED");
            page.click("form[action$='/status'] button");
            assertThat(page.locator("main")).containsText("Đang xử lý");

            page.navigate(url("/detection/upload"));
            String log = "Nov 22 09:15:01 dnsmasq[812]: query[A] beacon.dem-botnet.test from 10.20.6.44\n"
                    + "Nov 22 09:15:02 dnsmasq[812]: query[A] www.example.vn from 10.20.6.44\n";
            page.setInputFiles(
                    "input[name=file]",
                    new FilePayload("tanlap.log", "text/plain", log.getBytes(StandardCharsets.UTF_8)));
            page.click("form[action$='/detection/upload'] button");
            assertThat(page.locator(".job")).containsText("đã xong");
            chromium.shot(page, "03-upload-job");
            page.navigate(url("/detection/alerts?unit=" + fixtures.unit("X-TL").id()));
            assertThat(page.locator("h1")).containsText("Xã Tân Lập");
            assertThat(page.locator("#alerts tbody tr")).hasCount(1);
            chromium.shot(page, "04-unit-alerts");
            page.navigate(url("/detection/sources"));
            assertThat(page.locator("#sources")).containsText("upload:tanlap.log");
            chromium.shot(page, "05-sources");
            page.navigate(url("/intel/feeds"));
            assertThat(page.locator("#feeds")).containsText("Demo APT feed");
            chromium.shot(page, "06-feeds");
            page.navigate(url("/intel/indicators"));
            assertThat(page.locator("#indicators tbody tr")).hasCount(4);
            chromium.shot(page, "07-indicators");
        }

        try (BrowserContext ctx = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("vi-VN"))) {
            Page page = ctx.newPage();
            signIn(page, "cntt.binhan", officer, "Xã-Bình-An-2026!");
            page.navigate(url("/detection/alerts"));
            assertThat(page.locator("#alerts tbody tr")).hasCount(1);
            assertThat(page.locator("#alerts")).containsText("10.20.4.57");
            chromium.shot(page, "08-officer-alerts");
        }
    }
}

package vn.khien.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.khien.app.security.internal.Totp;
import vn.khien.app.support.ChromiumExtension;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;
import vn.khien.core.org.Role;

/**
 * Walks the application in Debian's Chromium as people would: an administrator's first sign-in with
 * password change and MFA enrolment, a second sign-in with the authenticator code, the unit tree, creating a
 * person; then a commune IT officer who must see only their commune. Saves screenshots of the main pages
 * under {@code target/screenshots/}.
 */
@KhienIntegrationTest
class BrowserIntegrationTests {
    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension("");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(Page page, String user, String password) {
        page.navigate(url("/login"));
        page.fill("#username", user);
        page.fill("#password", password);
        page.click("#login-submit");
    }

    @Test
    void administratorWithMfaBrowsesTheProvinceAndAddsAPersonWhileACommuneOfficerSeesOnlyTheirCommune() {
        fixtures.demoProvince();
        String adminOneTime = fixtures.login("quantri", null, EnumSet.of(Role.ADMIN));
        String officerOneTime = fixtures.login("cntt.binhan", "X-BA", EnumSet.of(Role.IT_OFFICER));
        long hoaPhu = fixtures.unit("X-HP").id();

        try (BrowserContext ctx = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("vi-VN"))) {
            Page page = ctx.newPage();
            page.navigate(url("/login"));
            chromium.shot(page, "01-login");
            signIn(page, "quantri", adminOneTime);

            // first sign-in: replace the one-time password, then enrol the authenticator
            assertThat(page).hasURL(url("/account/password"));
            page.fill("#current", adminOneTime);
            page.fill("#new-password", "Khiên-Bảo-Vệ-2026");
            page.fill("#confirm-password", "Khiên-Bảo-Vệ-2026");
            page.click("#password-submit");
            assertThat(page).hasURL(url("/account/mfa"));
            page.waitForFunction(
                    "() => { const i = document.querySelector('img.qr'); return i.complete && i.naturalWidth === 240; }");
            chromium.shot(page, "02-mfa-enrolment");
            String secret = page.textContent("#totp-secret").replace(" ", "");
            long step = Totp.step(Instant.now());
            page.fill("#code", Totp.code(secret, step));
            page.click("#mfa-enrol-submit");
            assertThat(page).hasURL(url("/"));

            // second sign-in asks for the authenticator code (the next step's code: the last one is spent)
            page.locator("form[action='/logout'] button").click();
            signIn(page, "quantri", "Khiên-Bảo-Vệ-2026");
            assertThat(page).hasURL(url("/login/mfa"));
            chromium.shot(page, "03-mfa-code");
            page.fill("#code", Totp.code(secret, step + 1));
            page.click("#mfa-submit");
            assertThat(page).hasURL(url("/"));
            assertThat(page.locator("h1")).hasText("Tổng quan");
            chromium.shot(page, "04-home");

            // the unit tree loads branches on demand
            page.navigate(url("/units"));
            Locator province = page.locator("#unit-tree details.branch summary").first();
            province.locator("xpath=..").evaluate("d => d.open = true");
            assertThat(page.locator("#unit-tree").getByText("Xã Bình An")).isVisible();
            chromium.shot(page, "05-unit-tree");
            page.locator("#unit-tree").getByText("Xã Bình An").click();
            assertThat(page.locator("#unit-name")).hasText("Xã Bình An");
            chromium.shot(page, "06-unit");

            // create a person from the unit page
            page.locator("a[href^='/people/new']").click();
            page.fill("#fullName", "Đinh Thị Hồng Nhung");
            page.fill("#position", "Chuyên viên CNTT");
            page.fill("#email", "nhung.dth@binhan.demo.gov.vn");
            page.fill("#phone", "0912 000 111");
            page.locator("input[name=roles][value=IT_OFFICER]").check();
            chromium.shot(page, "07-person-form");
            page.click("#person-save");
            assertThat(page.locator("#person-name")).hasText("Đinh Thị Hồng Nhung");
            assertThat(page.getByText("Xã Bình An").first()).isVisible();
            chromium.shot(page, "08-person");

            page.navigate(url("/people?q=Nhung"));
            assertThat(page.getByText("nhung.dth@binhan.demo.gov.vn")).isVisible();
            chromium.shot(page, "09-people");
            page.navigate(url("/units/lookup?ip=10.20.4.25"));
            assertThat(page.locator("#lookup-result")).containsText("Xã Bình An");
            chromium.shot(page, "10-ip-lookup");
            page.navigate(url("/audit?action=person.create"));
            assertThat(page.getByText("Đinh Thị Hồng Nhung").first()).isVisible();
            chromium.shot(page, "11-audit");
            page.navigate(url("/settings/users"));
            chromium.shot(page, "12-users");
            page.navigate(url("/import"));
            chromium.shot(page, "13-import");
            page.navigate(url("/units?lang=en"));
            assertThat(page.locator("h1")).hasText("Unit tree");
            page.navigate(url("/units?lang=vi"));
        }

        try (BrowserContext ctx = chromium.browser().newContext()) {
            Page page = ctx.newPage();
            signIn(page, "cntt.binhan", officerOneTime);
            page.fill("#current", officerOneTime);
            page.fill("#new-password", "Xã-Bình-An-2026!");
            page.fill("#confirm-password", "Xã-Bình-An-2026!");
            page.click("#password-submit");
            assertThat(page).hasURL(url("/"));
            page.navigate(url("/units"));
            Locator tree = page.locator("#unit-tree > li");
            assertThat(tree).hasCount(1);
            assertThat(tree.first()).containsText("Xã Bình An");
            chromium.shot(page, "14-officer-units");
            page.navigate(url("/people"));
            List<String> units =
                    page.locator("#results tbody tr td:nth-child(3)").allTextContents();
            assertThat(units).isNotEmpty().allMatch(u -> u.equals("Xã Bình An"));
            assertThat(page.getByText("Đinh Thị Hồng Nhung")).isVisible();
            page.navigate(url("/units/" + hoaPhu));
            assertThat(page.locator("h1")).containsText("Không");
            chromium.shot(page, "15-officer-other-commune-refused");
            page.navigate(url("/units/lookup?ip=10.20.5.9"));
            assertThat(page.locator("#lookup-none")).isVisible();
        }
    }
}

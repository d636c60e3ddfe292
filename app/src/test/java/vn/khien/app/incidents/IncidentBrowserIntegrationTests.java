package vn.khien.app.incidents;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * In Chromium: a commune staff member reports a phishing e-mail with the message attached, the province
 * coordinator triages it, a responder adds and completes a containment task and downloads the initial report,
 * which is opened with POI and checked. Screenshots go to {@code target/screenshots/incidents-*.png}.
 */
@KhienIntegrationTest
class IncidentBrowserIntegrationTests {
    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension("incidents-");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs in for the first time: replaces the one-time password and, for MFA roles, enrols the authenticator. */
    private void firstSignIn(Page page, String user, String oneTime, boolean mfa) {
        page.navigate(url("/login"));
        page.fill("#username", user);
        page.fill("#password", oneTime);
        page.click("#login-submit");
        assertThat(page).hasURL(url("/account/password"));
        page.fill("#current", oneTime);
        page.fill("#new-password", "Khiên-Sự-Cố-2026!");
        page.fill("#confirm-password", "Khiên-Sự-Cố-2026!");
        page.click("#password-submit");
        if (mfa) {
            assertThat(page).hasURL(url("/account/mfa"));
            String secret = page.textContent("#totp-secret").replace(" ", "");
            page.fill("#code", Totp.code(secret, Totp.step(Instant.now())));
            page.click("#mfa-enrol-submit");
        }
        assertThat(page).hasURL(url("/"));
    }

    @Test
    void staffReportsPhishingCoordinatorTriagesResponderWorksAndDownloadsTheInitialReport() throws Exception {
        fixtures.demoProvinceWithFeatures();
        String staff = fixtures.login("canbo.binhan", "X-BA", EnumSet.of(Role.STAFF));
        String coordinator = fixtures.login("dieuphoi", "T00", EnumSet.of(Role.COORDINATOR));
        String responder = fixtures.login("ungcuu", "T00", EnumSet.of(Role.RESPONDER));
        String incidentUrl;

        try (BrowserContext ctx = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("vi-VN"))) {
            Page page = ctx.newPage();
            firstSignIn(page, "canbo.binhan", staff, false);
            page.navigate(url("/incidents"));
            page.click("#new-incident");
            page.selectOption("#category", "PHISHING");
            page.fill("#title", "Thư giả mạo Bộ Công an yêu cầu cập nhật tài khoản");
            page.fill("#affected", "Hộp thư hanh.nn@binhan.demo.gov.vn");
            page.fill("#indicators", "hxxps://bocongan-gov.example/xac-thuc");
            page.fill("#summary", "Nhận thư lúc 8h sáng, chưa bấm vào liên kết.");
            page.setInputFiles(
                    "#attachment",
                    new com.microsoft.playwright.options.FilePayload(
                            "thu-gia-mao.eml",
                            "message/rfc822",
                            "From: canhbao@bocongan-gov.example\r\nSubject: Cap nhat tai khoan\r\n\r\nBam vao day"
                                    .getBytes(StandardCharsets.UTF_8)));
            chromium.shot(page, "01-report-form");
            page.click("#send-incident");
            assertThat(page.locator("#incident-status")).hasText("Mới tiếp nhận");
            assertThat(page.locator("#evidence")).containsText("thu-gia-mao.eml");
            assertThat(page.locator("#deadlines li")).hasCount(3);
            incidentUrl = page.url();
            chromium.shot(page, "02-reported");
        }

        try (BrowserContext ctx = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("vi-VN"))) {
            Page page = ctx.newPage();
            firstSignIn(page, "dieuphoi", coordinator, true);
            page.navigate(incidentUrl);
            page.selectOption("#triage-severity", "HIGH");
            page.fill("#triage-assignee", "ungcuu");
            page.click("#triage-submit");
            assertThat(page.locator("#incident-status")).hasText("Đã phân loại");
            page.selectOption("#next-status", "RESPONDING");
            page.click("#status-submit");
            assertThat(page.locator("#incident-status")).hasText("Đang ứng cứu");
            chromium.shot(page, "03-triaged");
            page.navigate(url("/incidents"));
            assertThat(page.locator("#incident-list")).containsText("Cổng thông tin xã Hòa Phú");
            chromium.shot(page, "05-list");
            page.navigate(url("/duty?from=2027-02-06"));
            assertThat(page.locator("#roster")).containsText("Trực Tết Đinh Mùi 2027");
            chromium.shot(page, "06-tet-roster");
            page.navigate(url("/notify"));
            assertThat(page.locator("#deliveries")).isVisible();
            chromium.shot(page, "07-notifications");
        }

        try (BrowserContext ctx = chromium.browser()
                .newContext(new Browser.NewContextOptions().setLocale("vi-VN").setAcceptDownloads(true))) {
            Page page = ctx.newPage();
            firstSignIn(page, "ungcuu", responder, false);
            page.navigate(incidentUrl);
            page.selectOption("#task-phase", "CONTAINMENT");
            page.fill("#task-title", "Chặn tên miền bocongan-gov.example trên tường lửa");
            page.fill("#task-owner", "ungcuu");
            page.click("#task-add");
            assertThat(page.locator("#tasks .task-title")).hasText("Chặn tên miền bocongan-gov.example trên tường lửa");
            page.locator("#tasks form.inline button").click();
            assertThat(page.locator("#tasks")).containsText("✓");
            assertThat(page.locator("#timeline")).containsText("Thêm việc");
            chromium.shot(page, "04-responding");
            Download download = page.waitForDownload(() -> page.click("#initial-report"));
            byte[] docx = Files.readAllBytes(download.path());
            assertThat(download.suggestedFilename()).endsWith(".docx");
            IncidentIntegrationTests.OfficialDocumentAssert.check(
                    docx,
                    "BÁO CÁO BAN ĐẦU SỰ CỐ",
                    List.of(
                            "Thư giả mạo Bộ Công an",
                            "Thư điện tử đáng ngờ",
                            "Cao",
                            "hxxps://bocongan-gov.example/xac-thuc",
                            "Xã Bình An",
                            "Đang ứng cứu"));
        }
    }
}

package vn.khien.app.directives;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
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
 * In Chromium: the coordinator imports a directive file, corrects its number, activates it and assigns its first item
 * to three units; the IT officer of a commune sets progress, uploads evidence and submits the unit report; the
 * coordinator's province overview shows the commune as reported with its evidence; the coordinator generates the
 * province's periodic report, whose PDF names the directive and the commune in its directives section, and downloads
 * the commune's implementation report as DOCX. Screenshots go to
 * {@code target/screenshots/directives-*.png}.
 */
@KhienIntegrationTest
class DirectivesBrowserIntegrationTests {
    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension("directives-");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void firstSignIn(Page page, String user, String oneTime, boolean mfa) {
        page.navigate(url("/login"));
        page.fill("#username", user);
        page.fill("#password", oneTime);
        page.click("#login-submit");
        assertThat(page).hasURL(url("/account/password"));
        page.fill("#current", oneTime);
        page.fill("#new-password", "Khiên-Công-Văn-2026!");
        page.fill("#confirm-password", "Khiên-Công-Văn-2026!");
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
    void importCorrectAssignReportAndSeeItInTheProvinceOverview() throws Exception {
        fixtures.demoProvince();
        String coordinator = fixtures.login("dieuphoi", "T00", EnumSet.of(Role.COORDINATOR));
        String officer = fixtures.login("cntt.binhan", "X-BA", EnumSet.of(Role.IT_OFFICER));
        String[] three = {
            String.valueOf(fixtures.unit("X-BA").id()),
            String.valueOf(fixtures.unit("X-HP").id()),
            String.valueOf(fixtures.unit("S-KHCN").id())
        };
        byte[] letter = DirectiveIntegrationTests.sample(DirectiveIntegrationTests.HA_TINH);

        try (BrowserContext coord = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("vi-VN"))) {
            Page page = coord.newPage();
            firstSignIn(page, "dieuphoi", coordinator, true);
            page.navigate(url("/directives"));
            page.setInputFiles("#directive-file", new FilePayload("ha-tinh-357.txt", "text/plain", letter));
            chromium.shot(page, "01-import");
            page.click("#import-submit");
            assertThat(page.locator("#directive-reference")).hasText("357/UBND-KGVX");
            assertThat(page.locator("#directive-status")).hasText("Bản nháp, chờ rà soát");
            chromium.shot(page, "02-parsed-draft");
            page.fill("#number", "0357");
            page.click("#save-directive");
            assertThat(page.locator("#directive-reference")).hasText("0357/UBND-KGVX");
            page.click("#activate");
            assertThat(page.locator("#directive-status")).hasText("Đang thực hiện");
            String directiveUrl = page.url().replaceAll("[?#].*$", "");

            Locator form = page.locator("form.assign-form").first();
            form.locator("select.assign-units").selectOption(three);
            form.locator("input.assign-deadline").fill("2030-12-31");
            form.locator("select.assign-rules").selectOption(new String[] {"AV-PRESENT", "EDR-PRESENT"});
            chromium.shot(page, "03-assign");
            form.locator("button.assign-submit").click();
            Locator assigned = page.locator(".item-tasks").first();
            assertThat(assigned).containsText("Xã Bình An");
            assertThat(assigned).containsText("Xã Hòa Phú");
            assertThat(assigned).containsText("Sở Khoa học và Công nghệ");
            chromium.shot(page, "04-assigned");

            try (BrowserContext commune =
                    chromium.browser().newContext(new Browser.NewContextOptions().setLocale("vi-VN"))) {
                Page p = commune.newPage();
                firstSignIn(p, "cntt.binhan", officer, false);
                p.navigate(url("/directives/tasks"));
                assertThat(p.locator("#task-list a.task-link")).hasCount(1);
                p.locator("#task-list a.task-link").click();
                p.selectOption("#task-next-status", "IN_PROGRESS");
                p.fill("#task-progress-input", "70");
                p.fill("#task-note-input", "Đã rà soát 10/14 máy tính, đang cài EDR");
                p.click("#status-submit");
                assertThat(p.locator("#task-progress")).hasText("70%");
                assertThat(p.locator("#task-status")).hasText("Đang thực hiện");
                p.setInputFiles(
                        "#evidence-file",
                        new FilePayload(
                                "bien-ban-ra-soat.txt",
                                "text/plain",
                                "Biên bản rà soát máy tính xã Bình An".getBytes(StandardCharsets.UTF_8)));
                p.click("#evidence-submit");
                assertThat(p.locator("#evidence")).containsText("bien-ban-ra-soat.txt");
                assertThat(p.locator("#measured")).containsText("AV-PRESENT");
                chromium.shot(p, "05-commune-task");
                p.click("#report-link");
                p.fill("#report-text", "UBND xã Bình An đã rà soát 10/14 máy tính, cài phần mềm diệt virus và EDR.");
                p.click("#report-submit");
                assertThat(p.locator("#report-status")).hasText("Đã gửi, chờ duyệt");
                chromium.shot(p, "06-commune-report");
            }

            page.navigate(directiveUrl + "/overview");
            assertThat(page.locator("#reported-count")).hasText("1 trên 3 đơn vị đã báo cáo");
            Locator row = page.locator("#overview tr[data-unit='Xã Bình An']");
            assertThat(row.locator(".report-status")).hasText("Đã gửi, chờ duyệt");
            assertThat(row.locator(".evidence-link")).hasText("bien-ban-ra-soat.txt");
            assertThat(page.locator("#overview tr[data-unit='Xã Hòa Phú'] .report-status"))
                    .hasText("Chưa báo cáo");
            chromium.shot(page, "07-province-overview");

            page.navigate(directiveUrl + "/reports/" + three[0]);
            String docxHref = page.locator("#report-docx").getAttribute("href");
            byte[] docx = page.request().get(url(docxHref)).body();
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                    XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
                org.assertj.core.api.Assertions.assertThat(text.getText())
                        .contains("XÃ BÌNH AN")
                        .contains("V/v kết quả thực hiện Công văn số 0357/UBND-KGVX")
                        .contains("UBND xã Bình An đã rà soát 10/14 máy tính, cài phần mềm diệt virus và EDR.")
                        .contains("bien-ban-ra-soat.txt");
            }

            LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
            page.navigate(url("/reports"));
            page.fill("#report-form input[name=from]", today.withDayOfMonth(1).toString());
            page.fill("#report-form input[name=to]", today.toString());
            page.click("#report-generate");
            Locator pdfLink = page.locator("#report-list a[href$='/pdf']");
            for (int i = 0; i < 60 && pdfLink.count() == 0; i++) {
                page.waitForTimeout(500);
                page.navigate(url("/reports"));
            }
            chromium.shot(page, "08-province-report");
            byte[] pdf = page.request()
                    .get(url(pdfLink.first().getAttribute("href")))
                    .body();
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                org.assertj.core.api.Assertions.assertThat(text).contains("Kết quả thực hiện các văn bản chỉ đạo");
                String section = text.substring(text.indexOf("Kết quả thực hiện các văn bản chỉ đạo"));
                org.assertj.core.api.Assertions.assertThat(section)
                        .contains("0357/UBND-KGVX")
                        .contains("Xã Bình An")
                        .contains("Đã gửi, chờ duyệt")
                        .contains("1/3");
            }
        }
    }
}

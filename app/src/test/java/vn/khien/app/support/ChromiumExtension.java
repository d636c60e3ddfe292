package vn.khien.app.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium driven by Playwright, one browser per test class, and screenshots under
 * {@code target/screenshots/<prefix><name>.png}. Outside CI a machine without {@code /usr/bin/chromium} skips
 * the class; in CI (where {@code .ci/run} installs it) a missing browser fails it.
 */
public final class ChromiumExtension implements BeforeAllCallback, AfterAllCallback {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SHOTS = Path.of("target/screenshots");

    private final String shotPrefix;
    private Playwright playwright;
    private Browser browser;

    public ChromiumExtension(String shotPrefix) {
        this.shotPrefix = shotPrefix;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Debian chromium is not installed");
        }
        Files.createDirectories(SHOTS);
        playwright = Playwright.create();
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (playwright != null) {
            playwright.close();
        }
    }

    public Browser browser() {
        return browser;
    }

    /** Saves a full-page screenshot as {@code target/screenshots/<prefix><name>.png}. */
    public void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve(shotPrefix + name + ".png"))
                .setFullPage(true));
    }
}

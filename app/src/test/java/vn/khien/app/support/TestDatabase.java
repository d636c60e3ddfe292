package vn.khien.app.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The PostgreSQL every integration test uses: {@code KHIEN_TEST_DB_URL} (with {@code KHIEN_TEST_DB_USER},
 * {@code KHIEN_TEST_DB_PASSWORD}) when set, else one embedded server started once per JVM in a fresh folder.
 */
public final class TestDatabase {
    private static String url;
    private static String user;
    private static String password;
    private static Path dataDir;

    private TestDatabase() {}

    public static synchronized String url() {
        if (url == null) {
            try {
                dataDir = Files.createTempDirectory("khien-test-data");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String external = System.getenv("KHIEN_TEST_DB_URL");
            if (external != null && !external.isBlank()) {
                url = external;
                user = System.getenv().getOrDefault("KHIEN_TEST_DB_USER", "postgres");
                password = System.getenv().getOrDefault("KHIEN_TEST_DB_PASSWORD", "");
            } else {
                try {
                    EmbeddedPostgres pg = EmbeddedPostgres.builder()
                            .setDataDirectory(dataDir.resolve("postgres"))
                            .setCleanDataDirectory(true)
                            .start();
                    url = pg.getJdbcUrl("postgres", "postgres");
                    user = "postgres";
                    password = "";
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            pg.close();
                        } catch (IOException e) {
                            // the JVM is exiting; the temporary folder goes with it
                        }
                    }));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot start embedded PostgreSQL for tests", e);
                }
            }
        }
        return url;
    }

    public static String user() {
        url();
        return user;
    }

    public static String password() {
        url();
        return password;
    }

    public static Path dataDir() {
        url();
        return dataDir;
    }

    /** Points the application context at the test database and a temporary data folder. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                            "khien.db.url=" + url(),
                            "khien.db.user=" + user(),
                            "khien.db.password=" + password(),
                            "khien.data-dir=" + dataDir().resolve("app"),
                            "khien.demo.enabled=false",
                            // timers off: tests call the scheduled work themselves, so it cannot fire mid-test
                            "khien.directives.check-initial-delay=P3650D",
                            "khien.reports.schedule=false")
                    .applyTo(context);
        }
    }
}

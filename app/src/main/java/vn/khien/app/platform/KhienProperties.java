package vn.khien.app.platform;

import java.nio.file.Path;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of Khiên, bound from {@code khien.*} properties and {@code KHIEN_*} environment variables.
 *
 * @param dataDir folder for the embedded database, the initial admin password and uploads ({@code ./data})
 * @param zone time zone used to show and interpret local times (Asia/Ho_Chi_Minh)
 * @param db the external database; when {@code url} is empty an embedded PostgreSQL is started
 * @param demo whether to load the demo province into an empty database
 */
@ConfigurationProperties("khien")
public record KhienProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("Asia/Ho_Chi_Minh") ZoneId zone,
        @DefaultValue Db db,
        @DefaultValue Demo demo) {

    /**
     * External PostgreSQL connection ({@code KHIEN_DB_URL}, {@code KHIEN_DB_USER}, {@code KHIEN_DB_PASSWORD}).
     *
     * @param url JDBC URL; empty to use the embedded server
     * @param user user name
     * @param password password
     * @param embeddedPort port of the embedded server on 127.0.0.1; 0 picks a free one
     */
    public record Db(
            @Nullable String url,
            @Nullable String user,
            @Nullable String password,
            @DefaultValue("0") int embeddedPort) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * Demo province.
     *
     * @param enabled {@code true} to load it, {@code false} never; unset loads it only on the embedded database
     */
    public record Demo(@Nullable Boolean enabled) {}
}

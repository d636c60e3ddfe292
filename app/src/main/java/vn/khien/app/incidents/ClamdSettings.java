package vn.khien.app.incidents;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional ClamAV daemon that scans evidence files.
 *
 * @param host clamd's host ({@code khien.clamd.host}); empty to not scan
 * @param port clamd's TCP port ({@code khien.clamd.port}, 3310)
 */
@ConfigurationProperties("khien.clamd")
public record ClamdSettings(
        @Nullable String host, @DefaultValue("3310") int port) {
    public boolean enabled() {
        return host != null && !host.isBlank();
    }
}

package vn.khien.app.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery mechanics.
 *
 * @param attempts tries per message before it is logged as failed ({@code khien.notify.attempts}, 3)
 * @param backoff wait before the second try, doubled for each further one ({@code khien.notify.backoff}, 500ms)
 */
@ConfigurationProperties("khien.notify")
public record NotifyProperties(
        @DefaultValue("3") int attempts,
        @DefaultValue("500ms") Duration backoff) {}

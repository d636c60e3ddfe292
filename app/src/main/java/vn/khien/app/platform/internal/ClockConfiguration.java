package vn.khien.app.platform.internal;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.khien.app.platform.KhienProperties;

/** A single injectable {@link Clock} in the province's zone, so tests can fix time. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {
    @Bean
    @ConditionalOnMissingBean
    Clock clock(KhienProperties properties) {
        return Clock.system(properties.zone());
    }
}

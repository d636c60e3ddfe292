package vn.khien.app.incidents.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import vn.khien.app.incidents.DeadlineRules;

/** Loads the shipped deadline rule pack and enables the scheduled deadline check. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IncidentConfiguration {
    @Bean
    DeadlineRules deadlineRules() {
        return DeadlineRules.shipped();
    }
}

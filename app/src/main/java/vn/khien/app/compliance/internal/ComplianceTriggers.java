package vn.khien.app.compliance.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.khien.app.compliance.ComplianceService;
import vn.khien.app.compliance.EvaluationSummary;
import vn.khien.app.detection.SecretMachineSeen;
import vn.khien.app.inventory.EndpointsChanged;

/**
 * Re-evaluates compliance after every committed import or officer change, within a minute after osquery agents
 * reported over TLS (coalesced, agents report every few minutes), and nightly at 02:00 (Asia/Ho_Chi_Minh).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ComplianceTriggers {
    private static final Logger log = LoggerFactory.getLogger(ComplianceTriggers.class);

    private final ComplianceService compliance;

    ComplianceTriggers(ComplianceService compliance) {
        this.compliance = compliance;
    }

    /** Set when agents reported over TLS; evaluated at most once a minute instead of on every log request. */
    private final AtomicBoolean agentsReported = new AtomicBoolean();

    @TransactionalEventListener(fallbackExecution = true)
    void onInventoryChange(EndpointsChanged event) {
        if ("osquery-tls".equals(event.reason())) {
            agentsReported.set(true);
            return;
        }
        long t0 = System.nanoTime();
        EvaluationSummary s = compliance.evaluate(event.reason());
        log.debug(
                "Compliance re-evaluated after {} in {} ms: {}",
                event.reason(),
                (System.nanoTime() - t0) / 1_000_000,
                s);
    }

    /** A state-secret machine appeared in network logs: keep it as SECRET-ZONE evidence, re-evaluate when news. */
    @TransactionalEventListener(fallbackExecution = true)
    void onSecretMachineSeen(SecretMachineSeen event) {
        if (compliance.recordLogSighting(event)) {
            compliance.evaluate("log-sighting");
        }
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void afterAgentReports() {
        if (agentsReported.getAndSet(false)) {
            compliance.evaluate("osquery-tls");
        }
    }

    @Scheduled(cron = "0 0 2 * * *", zone = "Asia/Ho_Chi_Minh")
    void nightly() {
        EvaluationSummary s = compliance.evaluate("nightly");
        log.info(
                "Nightly compliance evaluation: {} endpoints, {} failures, {} opened, {} resolved",
                s.endpoints(),
                s.failures(),
                s.opened(),
                s.resolved());
    }
}

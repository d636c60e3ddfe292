package vn.khien.app.accounts.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.app.accounts.Finding;
import vn.khien.app.compliance.ComplianceException;
import vn.khien.app.compliance.ComplianceService;
import vn.khien.app.compliance.PublishSummary;
import vn.khien.app.compliance.PublishedFinding;
import vn.khien.app.platform.UnitScope;

/**
 * Publishes the account findings to compliance, whole, after the transaction that changed them commits: the open
 * findings of every account rule and each unit's number of accounts (the denominator of the account scores).
 * {@code account_finding} stays the accounts module's working record (remediations and history point at it);
 * compliance holds the published copy with exceptions and scores, replaced at each publication.
 */
@Component
public class ComplianceFeed {
    /** The source name under which account findings appear in compliance. */
    public static final String SOURCE = "accounts";

    public static final List<String> RULES = List.of(
            "ACCOUNT-DEFAULT",
            "ACCOUNT-WEAK",
            "ACCOUNT-BREACHED",
            "ACCOUNT-LEAKED",
            "ACCOUNT-SHARED",
            "ACCOUNT-IDLE",
            "ACCOUNT-ORPHAN",
            "ACCOUNT-ADMIN-MFA");

    private static final Logger log = LoggerFactory.getLogger(ComplianceFeed.class);
    private static final Object PENDING = new Object();

    private final AccountFindingDao findings;
    private final AccountDao accounts;
    private final ComplianceService compliance;
    private final TransactionTemplate fresh;

    public ComplianceFeed(
            AccountFindingDao findings,
            AccountDao accounts,
            ComplianceService compliance,
            PlatformTransactionManager transactions) {
        this.findings = findings;
        this.accounts = accounts;
        this.compliance = compliance;
        this.fresh = new TransactionTemplate(transactions);
        this.fresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Publishes once the current transaction commits (once however often it is asked), or now without one. */
    public void publishAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            publishNow();
            return;
        }
        if (TransactionSynchronizationManager.hasResource(PENDING)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(PENDING, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
                if (status == STATUS_COMMITTED) {
                    publishNow();
                }
            }
        });
    }

    /**
     * Reads the committed findings and publishes them. A failure is logged and left for the next publication,
     * which sends the whole state again (the accounts change is already committed and must not be reported failed).
     */
    public void publishNow() {
        try {
            PublishSummary s = fresh.execute(tx -> {
                List<PublishedFinding> open = new ArrayList<>();
                for (Finding f : findings.findings(UnitScope.province(), null, null, true, Integer.MAX_VALUE)) {
                    open.add(new PublishedFinding(
                            f.ruleId(),
                            String.valueOf(f.accountId()),
                            f.login() + "@" + f.systemName(),
                            f.unitId(),
                            f.evidence()));
                }
                Map<Long, Long> perUnit = accounts.countsByUnit();
                return compliance.publish(SOURCE, RULES, perUnit, open);
            });
            log.info(
                    "Published account findings to compliance: {} open, {} opened, {} resolved, {} accounts",
                    s.reported(),
                    s.opened(),
                    s.resolved(),
                    s.subjects());
        } catch (DataAccessException | ComplianceException e) {
            log.warn("Publishing account findings to compliance failed; the next audit publishes them again", e);
        }
    }
}

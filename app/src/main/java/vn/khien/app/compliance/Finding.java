package vn.khien.app.compliance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One finding: a rule failed for a subject (an endpoint by host key, or a unit). It stays one row while the failure
 * persists, is resolved automatically when the condition clears and reopened when it returns.
 *
 * @param evidence JSON array of the evidence (fact, observed, source input and time)
 * @param exempted whether an approved, unexpired exception covers it (it then counts as compliant)
 */
public record Finding(
        long id,
        String ruleId,
        String subjectKind,
        String subjectId,
        @Nullable Long endpointId,
        @Nullable String subjectName,
        @Nullable Long unitId,
        String status,
        String severity,
        String packId,
        String packVersion,
        Instant firstSeen,
        Instant lastSeen,
        @Nullable Instant resolvedAt,
        String explanationVi,
        String explanationEn,
        String evidence,
        boolean exempted) {}

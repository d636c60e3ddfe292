package vn.khien.app.detection;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An alert was created: a machine of the province (by its address) reached an indicator, or broke a policy
 * rule, for the first time. Later sightings only raise the alert's count and are not published again.
 *
 * @param alertId the new alert
 * @param rule {@code CNC-CONTACT}, {@code WEBMAIL} or {@code SECRET-ZONE}
 * @param unitId the unit owning {@code sourceIp}, when one does
 * @param sourceIp the machine's address
 * @param indicator the indicator value (or webmail domain) it reached
 * @param severity {@code LOW}, {@code MEDIUM}, {@code HIGH} or {@code CRITICAL}
 * @param firstSeen when the first line that raised it happened
 */
public record AlertRaised(
        long alertId,
        String rule,
        @Nullable Long unitId,
        String sourceIp,
        String indicator,
        String severity,
        Instant firstSeen) {}

package vn.khien.app.incidents;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The facts of an alert that the incidents module needs to open or extend an incident. The detection module
 * (or a listener bridging its {@code AlertRaised} event) builds one and calls {@link IncidentService#reportFromAlert}.
 *
 * @param alertId the alert's id in the raising module
 * @param unitId the unit owning the source
 * @param severity LOW, MEDIUM, HIGH or CRITICAL
 * @param firstSeen when the alert was first seen; becomes T0
 */
public record AlertSummary(
        String alertId,
        long unitId,
        @Nullable String sourceIp,
        @Nullable String indicator,
        Severity severity,
        Instant firstSeen) {}

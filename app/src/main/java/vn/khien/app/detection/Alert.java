package vn.khien.app.detection;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One alert (cảnh báo): a machine ({@code sourceIp}) that reached an indicator or broke a policy rule, with
 * why the indicator is bad (feed, confidence, tags) and when it was seen first and last.
 *
 * @param endpointId the inventory endpoint owning {@code sourceIp} when the alert was raised, when known
 * @param endpointName its host name
 */
public record Alert(
        long id,
        String rule,
        String sourceIp,
        String indicatorType,
        String indicatorValue,
        String observed,
        @Nullable Long unitId,
        @Nullable String network,
        @Nullable String feed,
        int confidence,
        @Nullable String tlp,
        List<String> tags,
        String severity,
        String status,
        Instant firstSeen,
        Instant lastSeen,
        long count,
        @Nullable String logSource,
        @Nullable Long endpointId,
        @Nullable String endpointName) {}

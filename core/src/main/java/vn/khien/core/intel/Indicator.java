package vn.khien.core.intel;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An indicator of compromise as an importer yields it: a normalised value of one {@link IndicatorType}
 * with the context that says why it is bad.
 *
 * @param type what kind of value this is
 * @param value the normalised value (lower-case domain without trailing dot and in punycode, canonical IP,
 *     lower-case hex hash, normalised URL)
 * @param source name of the feed or file it came from
 * @param firstSeen when the source first saw it, if known
 * @param lastSeen when the source last saw it, if known
 * @param validUntil after this instant it no longer matches, if set
 * @param confidence 0–100; 50 when the source says nothing
 * @param tlp Traffic Light Protocol marking in lower case ({@code clear}, {@code green}, {@code amber},
 *     {@code amber+strict}, {@code red}), or {@code null}
 * @param tags malware families, actors and other labels
 * @param revoked whether the source withdrew it
 */
public record Indicator(
        IndicatorType type,
        String value,
        String source,
        @Nullable Instant firstSeen,
        @Nullable Instant lastSeen,
        @Nullable Instant validUntil,
        int confidence,
        @Nullable String tlp,
        List<String> tags,
        boolean revoked) {

    public Indicator {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("indicator value is empty");
        }
        if (confidence < 0 || confidence > 100) {
            throw new IllegalArgumentException("confidence must be 0..100, was " + confidence);
        }
        tags = List.copyOf(tags);
    }

    /** Whether this indicator should match at {@code now}: not revoked and not expired. */
    public boolean activeAt(Instant now) {
        return !revoked && (validUntil == null || now.isBefore(validUntil));
    }
}

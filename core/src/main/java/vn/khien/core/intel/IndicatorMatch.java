package vn.khien.core.intel;

import java.util.Objects;

/**
 * One hit of an indicator in a log event: which value was seen in which field, and which indicator it
 * matched (by position in the list the matcher was built from, so callers can reach its context).
 *
 * @param field the event field the value came from
 * @param observed the value as seen in the event (e.g. the queried name {@code a.b.evil.com})
 * @param indicatorIndex position of the matched indicator in the list given to {@link IndicatorMatcher#build}
 * @param indicator the matched indicator (e.g. the domain {@code evil.com})
 */
public record IndicatorMatch(Field field, String observed, int indicatorIndex, Indicator indicator) {
    public IndicatorMatch {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(indicator, "indicator");
    }

    /** The {@link vn.khien.core.logs.LogEvent} field a matched value came from. */
    public enum Field {
        DOMAIN,
        DESTINATION_IP,
        SOURCE_IP,
        URL,
        FILE_HASH
    }
}

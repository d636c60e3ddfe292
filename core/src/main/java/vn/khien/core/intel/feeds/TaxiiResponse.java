package vn.khien.core.intel.feeds;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP response as {@link TaxiiTransport} returns it.
 *
 * @param status the HTTP status code
 * @param headers response headers (first value of each); names are matched case-insensitively
 * @param body the response body, possibly empty
 */
public record TaxiiResponse(int status, Map<String, String> headers, byte[] body) {
    public TaxiiResponse {
        headers = headers.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
    }

    /** The value of header {@code name}, or {@code null}. */
    public @Nullable String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}

package vn.khien.core.intel.feeds;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The JSON reading the structured importers share: one mapper, parse errors turned into format errors. */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    /** Parses a whole document, or throws naming {@code what} was expected and where parsing stopped. */
    static JsonNode parse(byte[] bytes, String what) throws IndicatorFormatException {
        try {
            return MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw new IndicatorFormatException(
                    "not a " + what + ": invalid JSON: " + e.getOriginalMessage() + location(e), e);
        }
    }

    private static String location(JacksonException e) {
        var loc = e.getLocation();
        return loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }

    /** The scalar text of {@code node}, or {@code null} for missing, null and container nodes. */
    static @Nullable String text(@Nullable JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull() || node.isContainer()) {
            return null;
        }
        return node.isString() ? node.stringValue() : node.asString();
    }

    static boolean bool(@Nullable JsonNode node, boolean otherwise) {
        String t = text(node);
        if (t == null) {
            return otherwise;
        }
        return t.equalsIgnoreCase("true") || t.equals("1");
    }

    /** An RFC 3339 time or epoch seconds, or {@code null} when absent or unreadable. */
    static @Nullable Instant instant(@Nullable JsonNode node) {
        String t = text(node);
        if (t == null || t.isBlank()) {
            return null;
        }
        try {
            if (t.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochSecond(Long.parseLong(t));
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeException | NumberFormatException e) {
            return CsvIndicatorReader.instant(t);
        }
    }

    /** Escapes a property name for use in a JSON pointer (RFC 6901). */
    static String pointer(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}

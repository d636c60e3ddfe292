package vn.khien.core.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * How one antivirus/EDR console's CSV export maps to endpoint facts (hồ sơ ánh xạ cột): the delimiter and
 * charset, which header feeds which {@link AvField}, the date formats, and what the console's words mean
 * ({@code "Đã cập nhật"} → signatures current). Profiles ship for Bkav Endpoint, Kaspersky Security Center and
 * Microsoft Defender for Endpoint ({@link #builtIn()}); administrators may write more in the same JSON shape.
 *
 * @param id stable id, used in fact sources ({@code av-csv/<id>})
 * @param product the console's name for people
 * @param delimiter the field separator, or {@code 0} to detect it from the header line
 * @param charset the file's charset when it has no byte-order mark
 * @param timeZone zone of the console's local dates and times
 * @param dateFormats patterns tried in order ({@link DateTimeFormatter} syntax; a pattern may carry an offset)
 * @param columns header (compared without case, diacritics or extra spaces) → field
 * @param values header → console word → field assignments; the value {@code absent} means "no such product"
 * @param antivirusName product name for antivirus facts when no {@code av.name} column says it, or null
 * @param edrName product name for EDR facts when no {@code edr.name} column says it, or null
 */
public record AvConsoleProfile(
        String id,
        String product,
        char delimiter,
        Charset charset,
        ZoneId timeZone,
        List<String> dateFormats,
        Map<String, AvField> columns,
        Map<String, Map<String, Map<AvField, String>>> values,
        @Nullable String antivirusName,
        @Nullable String edrName) {
    /** The value that, assigned to an {@code av.*} or {@code edr.*} field, says the product is not installed. */
    public static final String ABSENT = "absent";

    private static final List<String> BUILT_IN =
            List.of("bkav-endpoint", "kaspersky-security-center", "microsoft-defender");

    public AvConsoleProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(timeZone, "timeZone");
        if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("profile id '" + id + "' must be lower-case letters, digits or '-'");
        }
        dateFormats = List.copyOf(dateFormats);
        for (String p : dateFormats) {
            try {
                DateTimeFormatter.ofPattern(p);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "profile " + id + ": bad date format '" + p + "': " + e.getMessage());
            }
        }
        Map<String, AvField> cols = new LinkedHashMap<>();
        columns.forEach((h, f) -> cols.put(Strings.fold(h), f));
        columns = Collections.unmodifiableMap(cols);
        if (!columns.containsValue(AvField.HOSTNAME) && !columns.containsValue(AvField.IP)) {
            throw new IllegalArgumentException("profile " + id + ": columns must map a header to 'hostname' or 'ip'");
        }
        Map<String, Map<String, Map<AvField, String>>> vals = new LinkedHashMap<>();
        values.forEach((h, m) -> {
            Map<String, Map<AvField, String>> words = new LinkedHashMap<>();
            m.forEach((w, a) -> words.put(Strings.fold(w), Map.copyOf(a)));
            vals.put(Strings.fold(h), Collections.unmodifiableMap(words));
        });
        values = Collections.unmodifiableMap(vals);
    }

    /** The profiles shipped with Khiên, in a fixed order. */
    public static List<AvConsoleProfile> builtIn() {
        List<AvConsoleProfile> out = new ArrayList<>();
        for (String id : BUILT_IN) {
            out.add(builtIn(id));
        }
        return out;
    }

    /**
     * A shipped profile by id ({@code bkav-endpoint}, {@code kaspersky-security-center}, {@code microsoft-defender}).
     *
     * @throws IllegalArgumentException for an unknown id
     */
    public static AvConsoleProfile builtIn(String id) {
        if (!BUILT_IN.contains(id)) {
            throw new IllegalArgumentException("no built-in AV console profile '" + id + "'; known: " + BUILT_IN);
        }
        String path = "/vn/khien/core/inventory/av-profiles/" + id + ".json";
        try (InputStream in = AvConsoleProfile.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a profile from JSON.
     *
     * @throws IllegalArgumentException naming the field when the profile is malformed
     */
    public static AvConsoleProfile parse(InputStream in) {
        JsonNode root;
        try {
            root = OsqueryResultImporter.JSON.readTree(in);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("AV console profile is not valid JSON: " + e.getOriginalMessage(), e);
        }
        String id = required(root, "id");
        String where = "profile " + id + ": ";
        String delim = root.path("delimiter").asString("auto");
        char delimiter =
                switch (delim) {
                    case "auto" -> 0;
                    case "\\t", "\t", "tab" -> '\t';
                    default -> {
                        if (delim.length() != 1) {
                            throw new IllegalArgumentException(
                                    where + "delimiter must be one character, 'tab' or 'auto'");
                        }
                        yield delim.charAt(0);
                    }
                };
        Charset charset;
        try {
            charset = Charset.forName(root.path("charset").asString("UTF-8"));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException(
                    where + "unknown charset '" + root.path("charset").asString() + "'");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(root.path("timeZone").asString("Asia/Ho_Chi_Minh"));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    where + "unknown timeZone '" + root.path("timeZone").asString() + "'");
        }
        List<String> formats = new ArrayList<>();
        root.path("dateFormats").forEach(n -> formats.add(n.asString()));
        Map<String, AvField> columns = new LinkedHashMap<>();
        JsonNode cols = root.get("columns");
        if (cols == null || !cols.isObject()) {
            throw new IllegalArgumentException(where + "missing field 'columns'");
        }
        for (Map.Entry<String, JsonNode> e : cols.properties()) {
            columns.put(
                    e.getKey(),
                    field(where + "columns." + e.getKey(), e.getValue().asString()));
        }
        Map<String, Map<String, Map<AvField, String>>> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> h : root.path("values").properties()) {
            AvField colField = columns.get(h.getKey());
            if (colField == null) {
                throw new IllegalArgumentException(
                        where + "values." + h.getKey() + " names a header that 'columns' does not map");
            }
            Map<String, Map<AvField, String>> words = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> w : h.getValue().properties()) {
                JsonNode v = w.getValue();
                if (v.isObject()) {
                    Map<AvField, String> assign = new LinkedHashMap<>();
                    for (Map.Entry<String, JsonNode> a : v.properties()) {
                        assign.put(
                                field(where + "values." + h.getKey() + "." + w.getKey(), a.getKey()),
                                a.getValue().asString());
                    }
                    words.put(w.getKey(), assign);
                } else {
                    words.put(w.getKey(), Map.of(colField, v.asString()));
                }
            }
            values.put(h.getKey(), words);
        }
        JsonNode products = root.path("products");
        return new AvConsoleProfile(
                id,
                required(root, "product"),
                delimiter,
                charset,
                zone,
                formats,
                columns,
                values,
                Strings.blankToNull(products.path("antivirus").asString(null)),
                Strings.blankToNull(products.path("edr").asString(null)));
    }

    private static AvField field(String where, String key) {
        return AvField.byKey(key)
                .orElseThrow(() -> new IllegalArgumentException(where + ": unknown field '" + key + "'"));
    }

    private static String required(JsonNode root, String field) {
        String s = root.path(field).asString("");
        if (s.isBlank()) {
            throw new IllegalArgumentException("AV console profile: missing field '" + field + "'");
        }
        return s;
    }
}

package vn.khien.core.logs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shared reader of Zeek logs in both encodings: TSV with its header ({@code #separator} as {@code \x09}
 * escape, {@code #set_separator}, {@code #unset_field}, {@code #empty_field}, {@code #fields},
 * {@code #types}) and JSON lines (one object per line, {@code ts} as epoch number or ISO-8601 string, field
 * names flat like {@code id.orig_h} or nested). Unset and empty fields read as absent. A TSV record before
 * any {@code #fields} line, or one whose field count differs from it, is rejected.
 */
abstract class ZeekLogParser extends ByteLineParser {
    static final ObjectMapper JSON = JsonMapper.builder().build();

    /** One record's fields by name. */
    interface Fields {
        @Nullable
        String get(String name);

        /** The elements of a set/vector field, empty when unset. */
        List<String> list(String name);

        @Nullable
        Instant time();
    }

    /** Turns one record into events; throws {@link Malformed} when a required field is missing. */
    abstract void events(Fields f, long lineNo, String raw, List<LogEvent> out) throws Malformed;

    @Override
    Session session() {
        return new TsvState()::line;
    }

    private final class TsvState {
        String separator = "\t";
        String setSeparator = ",";
        String unset = "-";
        String empty = "(empty)";
        String @Nullable [] fields;

        boolean line(byte[] b, int from, int to, long lineNo, List<LogEvent> out) throws Malformed {
            String raw = text(b, from, to);
            if (b[from] == '#') {
                directive(raw);
                return false;
            }
            if (b[from] == '{') {
                events(json(raw), lineNo, raw, out);
                return true;
            }
            if (fields == null) {
                throw new Malformed("record before the #fields header");
            }
            String[] values = split(raw, separator);
            if (values.length != fields.length) {
                throw new Malformed("has " + values.length + " fields, the #fields header names " + fields.length);
            }
            String[] names = fields;
            events(
                    new Fields() {
                        @Override
                        public @Nullable String get(String name) {
                            for (int i = 0; i < names.length; i++) {
                                if (names[i].equals(name)) {
                                    String v = values[i];
                                    return v.equals(unset) || v.equals(empty) || v.isEmpty() ? null : v;
                                }
                            }
                            return null;
                        }

                        @Override
                        public List<String> list(String name) {
                            String v = get(name);
                            return v == null ? List.of() : List.of(split(v, setSeparator));
                        }

                        @Override
                        public @Nullable Instant time() {
                            return LogValues.epoch(get("ts"));
                        }
                    },
                    lineNo,
                    raw,
                    out);
            return true;
        }

        private void directive(String raw) {
            int sp = raw.indexOf(raw.startsWith("#separator") ? ' ' : '\t');
            if (sp < 0) {
                return;
            }
            String key = raw.substring(1, sp);
            String value = raw.substring(sp + 1);
            switch (key) {
                case "separator" -> separator = unescape(value);
                case "set_separator" -> setSeparator = value;
                case "unset_field" -> unset = value;
                case "empty_field" -> empty = value;
                case "fields" -> fields = split(value, separator);
                default -> {
                    // #path, #open, #close and #types carry nothing the events need
                }
            }
        }
    }

    /** Decodes the {@code \xNN} escapes Zeek writes in {@code #separator}. */
    static String unescape(String v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            if (v.startsWith("\\x", i) && i + 3 < v.length() + 0 && i + 4 <= v.length()) {
                try {
                    b.append((char) Integer.parseInt(v.substring(i + 2, i + 4), 16));
                    i += 3;
                    continue;
                } catch (NumberFormatException e) {
                    // not an escape: keep the text as written
                }
            }
            b.append(v.charAt(i));
        }
        return b.length() == 0 ? "\t" : b.toString();
    }

    static String[] split(String s, String sep) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (true) {
            int i = s.indexOf(sep, start);
            if (i < 0) {
                out.add(s.substring(start));
                return out.toArray(new String[0]);
            }
            out.add(s.substring(start, i));
            start = i + sep.length();
        }
    }

    private static Fields json(String raw) throws Malformed {
        JsonNode node;
        try {
            node = JSON.readTree(raw);
        } catch (JacksonException e) {
            throw new Malformed("invalid JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw new Malformed("JSON line is not an object");
        }
        return new Fields() {
            private JsonNode node(String name) {
                JsonNode n = node.get(name);
                if (n == null) {
                    int dot = name.indexOf('.');
                    n = dot > 0 ? node.path(name.substring(0, dot)).get(name.substring(dot + 1)) : null;
                }
                return n;
            }

            @Override
            public @Nullable String get(String name) {
                JsonNode n = node(name);
                if (n == null || n.isNull() || n.isContainer()) {
                    return null;
                }
                String v = n.isString() ? n.stringValue() : n.asString();
                return v.isEmpty() ? null : v;
            }

            @Override
            public List<String> list(String name) {
                JsonNode n = node(name);
                if (n == null || !n.isArray()) {
                    String single = get(name);
                    return single == null ? List.of() : List.of(single);
                }
                List<String> out = new ArrayList<>();
                for (JsonNode e : n.values()) {
                    if (e.isValueNode() && !e.isNull()) {
                        out.add(e.isString() ? e.stringValue() : e.asString());
                    }
                }
                return out;
            }

            @Override
            public @Nullable Instant time() {
                JsonNode ts = node.get("ts");
                if (ts == null) {
                    return null;
                }
                if (ts.isNumber()) {
                    BigDecimal d = ts.decimalValue();
                    long secs = d.longValue();
                    int nanos = d.subtract(BigDecimal.valueOf(secs))
                            .movePointRight(9)
                            .intValue();
                    return Instant.ofEpochSecond(secs, Math.max(0, nanos));
                }
                String s = get("ts");
                Instant epoch = LogValues.epoch(s);
                return epoch != null ? epoch : LogValues.iso(s);
            }
        };
    }

    static String required(Fields f, String name) throws Malformed {
        String v = f.get(name);
        if (v == null) {
            throw new Malformed("missing field " + name);
        }
        return v;
    }
}

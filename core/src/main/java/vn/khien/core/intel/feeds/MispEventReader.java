package vn.khien.core.intel.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import vn.khien.core.intel.Indicator;
import vn.khien.core.intel.IndicatorType;

/**
 * Reads MISP event JSON (with or without the {@code "Event"} wrapper, a list of events, or a REST search
 * {@code {"response": [...]}}) into indicators, from the event's attributes and its objects' attributes.
 *
 * <p>Attribute types: {@code ip-dst}, {@code ip-src} (address or CIDR), {@code ip-dst|port},
 * {@code ip-src|port}, {@code domain}, {@code hostname}, {@code hostname|port}, {@code domain|ip} (both
 * values), {@code url}, {@code md5}, {@code sha1}, {@code sha256}, {@code filename|md5} /
 * {@code |sha1} / {@code |sha256}, {@code email}, {@code email-src}, {@code email-dst}. A {@code url}
 * written without scheme is read as {@code http://}.
 *
 * <p>Every attribute is one record. Attributes are rejected, with their JSON pointer, when their type is
 * not one Khiên matches ({@code link}, {@code text}, {@code yara} …), when {@code to_ids} is false (MISP's
 * own flag for "context, not for detection"; alerting on it would flood analysts), when {@code deleted} is
 * true, or when the value is invalid. Tags of the event, object and attribute become tags; {@code tlp:*}
 * tags set the TLP (strictest wins). Attribute {@code first_seen}/{@code last_seen} are kept.
 */
public final class MispEventReader {
    private static final Map<String, IndicatorType> TYPES = Map.ofEntries(
            Map.entry("ip-dst", IndicatorType.IPV4),
            Map.entry("ip-src", IndicatorType.IPV4),
            Map.entry("ip-dst|port", IndicatorType.IPV4),
            Map.entry("ip-src|port", IndicatorType.IPV4),
            Map.entry("domain", IndicatorType.DOMAIN),
            Map.entry("hostname", IndicatorType.DOMAIN),
            Map.entry("hostname|port", IndicatorType.DOMAIN),
            Map.entry("domain|ip", IndicatorType.DOMAIN),
            Map.entry("url", IndicatorType.URL),
            Map.entry("md5", IndicatorType.MD5),
            Map.entry("sha1", IndicatorType.SHA1),
            Map.entry("sha256", IndicatorType.SHA256),
            Map.entry("filename|md5", IndicatorType.MD5),
            Map.entry("filename|sha1", IndicatorType.SHA1),
            Map.entry("filename|sha256", IndicatorType.SHA256),
            Map.entry("email", IndicatorType.EMAIL),
            Map.entry("email-src", IndicatorType.EMAIL),
            Map.entry("email-dst", IndicatorType.EMAIL));

    private MispEventReader() {}

    /** Reads one MISP JSON document; throws {@link IndicatorFormatException} when it holds no MISP event. */
    public static IndicatorImport read(InputStream in, String source) throws IOException {
        return read(in.readAllBytes(), source);
    }

    /** As {@link #read(InputStream, String)}, from bytes already in memory. */
    public static IndicatorImport read(byte[] bytes, String source) throws IOException {
        JsonNode root = Json.parse(bytes, "MISP event");
        IndicatorCollector c = new IndicatorCollector(source);
        int events = 0;
        if (root.isArray()) {
            int i = 0;
            for (JsonNode e : root.values()) {
                events += readEvent(e, "/" + i++, c) ? 1 : 0;
            }
        } else if (root.isObject() && root.path("response").isArray()) {
            int i = 0;
            for (JsonNode e : root.path("response").values()) {
                events += readEvent(e, "/response/" + i++, c) ? 1 : 0;
            }
        } else {
            events += readEvent(root, "", c) ? 1 : 0;
        }
        if (events == 0) {
            throw new IndicatorFormatException("not a MISP event: no object with \"Event\", \"Attribute\", "
                    + "\"Object\" or event fields (\"info\", \"uuid\")");
        }
        return c.result();
    }

    /** Whether {@code node} looks like a MISP event, wrapped or not. */
    static boolean isEvent(JsonNode node) {
        JsonNode e = node.has("Event") ? node.get("Event") : node;
        return e.isObject()
                && (e.has("Attribute") || e.has("Object") || (e.has("info") && (e.has("uuid") || e.has("date"))));
    }

    /** Reads one event into {@code c}; false when {@code node} is not an event. */
    static boolean readEvent(JsonNode node, String pointer, IndicatorCollector c) {
        if (!isEvent(node)) {
            return false;
        }
        JsonNode event = node.has("Event") ? node.get("Event") : node;
        String base = node.has("Event") ? pointer + "/Event" : pointer;
        Context ctx = new Context().with(event.path("Tag"));
        int i = 0;
        for (JsonNode a : event.path("Attribute").values()) {
            attribute(a, base + "/Attribute/" + i++, ctx, c);
        }
        int k = 0;
        for (JsonNode o : event.path("Object").values()) {
            String objectPointer = base + "/Object/" + k++;
            if (Json.bool(o.get("deleted"), false)) {
                continue;
            }
            Context objectCtx = ctx.with(o.path("Tag"));
            int j = 0;
            for (JsonNode a : o.path("Attribute").values()) {
                attribute(a, objectPointer + "/Attribute/" + j++, objectCtx, c);
            }
        }
        return true;
    }

    /** Tags and TLP inherited from the event and object. */
    private record Context(List<String> tags, @Nullable String tlp) {
        Context() {
            this(List.of(), null);
        }

        Context with(JsonNode tagArray) {
            Set<String> all = new LinkedHashSet<>(tags);
            String level = tlp;
            for (JsonNode t : tagArray.values()) {
                String name = Json.text(t.get("name"));
                if (name == null || name.isBlank()) {
                    continue;
                }
                if (name.toLowerCase(Locale.ROOT).startsWith("tlp:")) {
                    String normalised = Tlp.normalise(name);
                    if (normalised != null) {
                        level = Tlp.stricter(level, normalised);
                        continue;
                    }
                }
                all.add(name);
            }
            return new Context(List.copyOf(all), level);
        }
    }

    private static void attribute(JsonNode a, String pointer, Context parent, IndicatorCollector c) {
        c.read();
        String type = Json.text(a.get("type"));
        String value = Json.text(a.get("value"));
        if (type == null || value == null || value.isBlank()) {
            c.reject(0, pointer, "attribute has no type or value");
            return;
        }
        if (Json.bool(a.get("deleted"), false)) {
            c.reject(0, pointer, "attribute is deleted");
            return;
        }
        IndicatorType kind = TYPES.get(type);
        if (kind == null) {
            c.reject(0, pointer, "attribute type '" + type + "' is not a matchable indicator");
            return;
        }
        if (!Json.bool(a.get("to_ids"), true)) {
            c.reject(
                    0,
                    pointer,
                    "to_ids is false: context, not for detection (" + type + " " + IndicatorValues.shown(value) + ")");
            return;
        }
        Context ctx = parent.with(a.path("Tag"));
        Instant firstSeen = Json.instant(a.get("first_seen"));
        Instant lastSeen = Json.instant(a.get("last_seen"));
        try {
            List<IndicatorValues.Typed> values = new ArrayList<>();
            int bar = value.indexOf('|');
            switch (type) {
                case "ip-dst|port", "ip-src|port", "hostname|port" -> {
                    String head = bar >= 0 ? value.substring(0, bar) : value;
                    values.add(IndicatorValues.as(kind, head));
                }
                case "domain|ip" -> {
                    if (bar < 0) {
                        throw new IllegalArgumentException(
                                "domain|ip value '" + IndicatorValues.shown(value) + "' has no '|'");
                    }
                    values.add(IndicatorValues.as(IndicatorType.DOMAIN, value.substring(0, bar)));
                    values.add(IndicatorValues.anyIp(value.substring(bar + 1)));
                }
                case "filename|md5", "filename|sha1", "filename|sha256" -> {
                    int last = value.lastIndexOf('|');
                    if (last < 0) {
                        throw new IllegalArgumentException(type + " value has no '|'");
                    }
                    values.add(IndicatorValues.as(kind, value.substring(last + 1)));
                }
                default -> values.add(IndicatorValues.as(kind, value));
            }
            List<Indicator> out = new ArrayList<>();
            for (IndicatorValues.Typed t : values) {
                out.add(c.indicator(
                        t.type(),
                        t.value(),
                        firstSeen,
                        lastSeen,
                        null,
                        IndicatorCollector.DEFAULT_CONFIDENCE,
                        ctx.tlp(),
                        ctx.tags(),
                        false));
            }
            c.record(out);
        } catch (IllegalArgumentException e) {
            c.reject(0, pointer, type + ": " + e.getMessage());
        }
    }
}

package vn.khien.core.intel.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Reads the indicator objects of a STIX 2.1 bundle whose patterns are simple equality comparisons, turning
 * each compared value into an {@link Indicator}.
 *
 * <p>Supported comparisons ({@code =} only, not negated, also {@code IN (…)}): {@code ipv4-addr:value},
 * {@code ipv6-addr:value} (address or CIDR), {@code domain-name:value}, {@code url:value},
 * {@code email-addr:value}, {@code file:hashes.'SHA-256'} / {@code MD5} / {@code 'SHA-1'} (quoted or not),
 * and {@code network-traffic:dst_ref.value} / {@code src_ref.value}.
 *
 * <p><b>OR and AND.</b> Comparisons joined by OR each become an indicator. Comparisons joined by AND (or
 * observations joined by AND / FOLLOWEDBY) are also each taken as an indicator of their own: an AND only
 * narrows when a pattern matches, so matching each value alone can raise more alerts than the pattern
 * would, never fewer, and an analyst sees the source indicator id in the tags. For the same reason an
 * unsupported comparison inside an AND (such as {@code network-traffic:dst_port = 443}) is ignored when
 * the pattern has at least one supported comparison. Every other unsupported comparison ({@code MATCHES},
 * {@code LIKE}, {@code !=}, {@code email-message:…}, …) and every non-STIX {@code pattern_type} is reported
 * as a rejection naming the indicator id, never dropped silently. Qualifiers ({@code WITHIN},
 * {@code START/STOP}) are ignored by the same reasoning as AND.
 *
 * <p><b>Counting.</b> A record is one value-bearing comparison (or one indicator object whose pattern cannot
 * be read at all), so read = accepted + rejected + duplicates holds.
 *
 * <p><b>Context.</b> {@code valid_from} becomes first seen, {@code valid_until} valid until, {@code revoked}
 * and {@code confidence} are kept, {@code labels} and {@code indicator_types} become tags, as do the names
 * of malware, threat actors, intrusion sets, campaigns and tools the indicator {@code indicates} in the
 * same bundle, plus {@code stix:<indicator id>}. TLP comes from {@code object_marking_refs}: the well-known
 * TLP 1.0/2.0 marking ids or TLP marking-definitions inside the bundle; the strictest wins.
 */
public final class StixBundleReader {
    private static final Set<String> NAMED_TYPES =
            Set.of("malware", "threat-actor", "intrusion-set", "campaign", "tool", "attack-pattern");

    private StixBundleReader() {}

    /**
     * Reads a bundle; throws {@link IndicatorFormatException} when the input is not JSON or not a bundle
     * (no {@code "type": "bundle"} or no {@code objects} array).
     */
    public static IndicatorImport read(InputStream in, String source) throws IOException {
        return read(in.readAllBytes(), source);
    }

    /** As {@link #read(InputStream, String)}, from bytes already in memory. */
    public static IndicatorImport read(byte[] bytes, String source) throws IOException {
        JsonNode root = Json.parse(bytes, "STIX 2.1 bundle");
        if (!root.isObject() || !"bundle".equals(Json.text(root.get("type")))) {
            throw new IndicatorFormatException(
                    "not a STIX 2.1 bundle: the top-level object has no \"type\": " + "\"bundle\"");
        }
        JsonNode objects = root.get("objects");
        if (objects == null || !objects.isArray()) {
            throw new IndicatorFormatException("not a STIX 2.1 bundle: \"objects\" is missing or not an array");
        }
        IndicatorCollector c = new IndicatorCollector(source);
        readObjects(objects, "/objects", c);
        return c.result();
    }

    /** Reads the indicator objects of a STIX object array (a bundle's or a TAXII envelope's). */
    static void readObjects(JsonNode objects, String pointer, IndicatorCollector c) {
        Map<String, String> names = new HashMap<>();
        Map<String, String> markingTlp = new HashMap<>();
        Map<String, Set<String>> indicates = new HashMap<>();
        for (JsonNode o : objects.values()) {
            String type = Json.text(o.get("type"));
            String id = Json.text(o.get("id"));
            if (type == null || id == null) {
                continue;
            }
            if (NAMED_TYPES.contains(type) && Json.text(o.get("name")) != null) {
                names.put(id, Json.text(o.get("name")));
            } else if (type.equals("marking-definition")) {
                String tlp = bundleTlp(o);
                if (tlp != null) {
                    markingTlp.put(id, tlp);
                }
            } else if (type.equals("relationship") && "indicates".equals(Json.text(o.get("relationship_type")))) {
                String from = Json.text(o.get("source_ref"));
                String to = Json.text(o.get("target_ref"));
                if (from != null && to != null) {
                    indicates.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
                }
            }
        }
        int index = 0;
        for (JsonNode o : objects.values()) {
            String element = pointer + "/" + index++;
            if ("indicator".equals(Json.text(o.get("type")))) {
                indicator(o, element, c, names, markingTlp, indicates);
            }
        }
    }

    private static @Nullable String bundleTlp(JsonNode marking) {
        String known = Tlp.ofStixMarking(String.valueOf(Json.text(marking.get("id"))));
        if (known != null) {
            return known;
        }
        if ("tlp".equals(Json.text(marking.get("definition_type")))) {
            String level = Json.text(marking.path("definition").get("tlp"));
            if (level != null) {
                return Tlp.normalise(level);
            }
        }
        String name = Json.text(marking.get("name"));
        return name != null && name.toUpperCase(Locale.ROOT).startsWith("TLP:") ? Tlp.normalise(name) : null;
    }

    private static void indicator(
            JsonNode o,
            String element,
            IndicatorCollector c,
            Map<String, String> names,
            Map<String, String> markingTlp,
            Map<String, Set<String>> indicates) {
        String id = String.valueOf(Json.text(o.get("id")));
        String pattern = Json.text(o.get("pattern"));
        String patternType = Json.text(o.get("pattern_type"));
        if (pattern == null) {
            c.read();
            c.reject(0, element, id + ": indicator has no pattern");
            return;
        }
        if (patternType != null && !patternType.equals("stix")) {
            c.read();
            c.reject(0, element + "/pattern_type", id + ": pattern_type '" + patternType + "' is not supported");
            return;
        }
        StixPattern.Flat flat;
        try {
            flat = StixPattern.flatten(pattern);
        } catch (IllegalArgumentException e) {
            c.read();
            c.reject(0, element + "/pattern", id + ": pattern cannot be read: " + e.getMessage());
            return;
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String field : List.of("labels", "indicator_types")) {
            for (JsonNode t : o.path(field).values()) {
                String tag = Json.text(t);
                if (tag != null && !tag.isBlank()) {
                    tags.add(tag);
                }
            }
        }
        for (String target : indicates.getOrDefault(id, Set.of())) {
            String name = names.get(target);
            if (name != null) {
                tags.add(name);
            }
        }
        tags.add("stix:" + id);
        String tlp = null;
        for (JsonNode ref : o.path("object_marking_refs").values()) {
            String refId = Json.text(ref);
            if (refId != null) {
                String level = Tlp.ofStixMarking(refId);
                tlp = Tlp.stricter(tlp, level != null ? level : markingTlp.get(refId));
            }
        }
        Instant validFrom = Json.instant(o.get("valid_from"));
        Instant validUntil = Json.instant(o.get("valid_until"));
        boolean revoked = Json.bool(o.get("revoked"), false);
        int confidence = IndicatorCollector.DEFAULT_CONFIDENCE;
        JsonNode conf = o.get("confidence");
        if (conf != null && conf.canConvertToInt() && conf.asInt() >= 0 && conf.asInt() <= 100) {
            confidence = conf.asInt();
        }
        boolean anySupported = false;
        for (StixPattern.Comparison cmp : flat.comparisons()) {
            anySupported |= valueType(cmp.path()) != null && supportedOperator(cmp);
        }
        for (StixPattern.Comparison cmp : flat.comparisons()) {
            IndicatorType type = valueType(cmp.path());
            boolean supported = type != null && supportedOperator(cmp);
            if (!supported) {
                if (flat.conjunctive() && anySupported) {
                    continue;
                }
                c.read();
                c.reject(
                        0,
                        element + "/pattern",
                        id + ": comparison '" + IndicatorValues.shown(cmp.text())
                                + "' is not supported (only '=' or IN on address, domain, URL, e-mail and file hash)");
                continue;
            }
            for (String value : cmp.values()) {
                c.read();
                try {
                    IndicatorValues.Typed typed = cmp.path().startsWith("network-traffic:")
                            ? IndicatorValues.infer(value)
                            : IndicatorValues.as(type, value);
                    if (cmp.path().startsWith("network-traffic:")
                            && typed.type() != IndicatorType.IPV4
                            && typed.type() != IndicatorType.IPV6
                            && typed.type() != IndicatorType.CIDR
                            && typed.type() != IndicatorType.DOMAIN) {
                        throw new IllegalArgumentException(
                                "'" + IndicatorValues.shown(value) + "' is not an address or domain");
                    }
                    c.record(c.indicator(
                            typed.type(),
                            typed.value(),
                            validFrom,
                            null,
                            validUntil,
                            confidence,
                            tlp,
                            new ArrayList<>(tags),
                            revoked));
                } catch (IllegalArgumentException e) {
                    c.reject(0, element + "/pattern", id + ": " + e.getMessage());
                }
            }
        }
    }

    private static boolean supportedOperator(StixPattern.Comparison cmp) {
        return !cmp.negated() && (cmp.operator().equals("=") || cmp.operator().equals("IN"));
    }

    /** The indicator type an object path carries, or {@code null} when Khiên cannot match it. */
    static @Nullable IndicatorType valueType(String path) {
        String p = path.replace("'", "").replace("\"", "");
        return switch (p) {
            case "ipv4-addr:value", "ipv6-addr:value" -> IndicatorType.IPV4;
            case "domain-name:value" -> IndicatorType.DOMAIN;
            case "url:value" -> IndicatorType.URL;
            case "email-addr:value" -> IndicatorType.EMAIL;
            case "file:hashes.SHA-256", "file:hashes.SHA256", "file:hashes.sha256", "file:hashes.sha-256" ->
                IndicatorType.SHA256;
            case "file:hashes.SHA-1", "file:hashes.SHA1", "file:hashes.sha1", "file:hashes.sha-1" -> IndicatorType.SHA1;
            case "file:hashes.MD5", "file:hashes.md5" -> IndicatorType.MD5;
            case "network-traffic:dst_ref.value", "network-traffic:src_ref.value" -> IndicatorType.IPV4;
            default -> null;
        };
    }
}

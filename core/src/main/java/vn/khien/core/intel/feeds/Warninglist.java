package vn.khien.core.intel.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import vn.khien.core.intel.Indicator;
import vn.khien.core.intel.IndicatorType;

/**
 * A MISP warninglist: a named list of known-benign values (top domains, private ranges, public resolvers,
 * hashes of the empty file) that tells whether an indicator would only raise false alarms.
 *
 * <p>List types follow MISP: {@code string} (exact, case-insensitive), {@code substring} (the value
 * contains an entry), {@code hostname} (the host of a domain, URL or e-mail is an entry or below one,
 * label-aligned), {@code cidr} (an address or network lies inside an entry) and {@code regex} (an entry is
 * found in the value). {@code matching_attributes}, when present, limits the list to the indicator types
 * those MISP attribute types stand for. Immutable and thread-safe; cidr lookups are O(log n), hostname
 * lookups O(labels).
 */
public final class Warninglist {
    /** How entries compare with values. */
    public enum Type {
        STRING,
        SUBSTRING,
        HOSTNAME,
        CIDR,
        REGEX
    }

    private final String name;
    private final Type type;
    private final int size;
    private final @Nullable Set<IndicatorType> appliesTo;
    private final Set<String> strings;
    private final List<String> substrings;
    private final @Nullable IpRanges ranges;
    private final List<Pattern> patterns;

    private Warninglist(String name, Type type, List<String> entries, @Nullable Set<IndicatorType> appliesTo) {
        this.name = name;
        this.type = type;
        this.size = entries.size();
        this.appliesTo = appliesTo;
        Set<String> set = new HashSet<>();
        List<String> subs = new ArrayList<>();
        List<Pattern> regexes = new ArrayList<>();
        IpRanges ips = null;
        switch (type) {
            case STRING -> entries.forEach(e -> set.add(e.trim().toLowerCase(Locale.ROOT)));
            case SUBSTRING -> entries.forEach(e -> subs.add(e.trim().toLowerCase(Locale.ROOT)));
            case HOSTNAME -> {
                for (String e : entries) {
                    String d = IndicatorValues.domainOrNull(e.trim().toLowerCase(Locale.ROOT));
                    set.add(d != null ? d : e.trim().toLowerCase(Locale.ROOT));
                }
            }
            case CIDR -> ips = IpRanges.of(entries);
            case REGEX -> {
                for (String e : entries) {
                    try {
                        regexes.add(Pattern.compile(stripDelimiters(e), Pattern.CASE_INSENSITIVE));
                    } catch (PatternSyntaxException ex) {
                        throw new IllegalArgumentException(
                                "warninglist '" + name + "': invalid regex '" + IndicatorValues.shown(e) + "'", ex);
                    }
                }
            }
        }
        this.strings = Set.copyOf(set);
        this.substrings = List.copyOf(subs);
        this.ranges = ips;
        this.patterns = List.copyOf(regexes);
    }

    /** A list built in code, applying to every indicator type. */
    public static Warninglist of(String name, Type type, List<String> entries) {
        return new Warninglist(name, type, entries, null);
    }

    /** Reads a MISP warninglist JSON file; throws {@link IndicatorFormatException} when it is not one. */
    public static Warninglist parse(InputStream in) throws IOException {
        return fromJson(Json.parse(in.readAllBytes(), "MISP warninglist"));
    }

    static boolean isWarninglist(JsonNode node) {
        return node.isObject()
                && node.path("list").isArray()
                && node.has("name")
                && node.has("type")
                && !node.has("Event");
    }

    static Warninglist fromJson(JsonNode node) throws IndicatorFormatException {
        if (!isWarninglist(node)) {
            throw new IndicatorFormatException(
                    "not a MISP warninglist: expected \"name\", \"type\" and a " + "\"list\" array");
        }
        String name = String.valueOf(Json.text(node.get("name")));
        String typeName = String.valueOf(Json.text(node.get("type")));
        Type type;
        try {
            type = Type.valueOf(typeName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IndicatorFormatException(
                    "warninglist '" + name + "': type '" + typeName
                            + "' is not one of string, substring, hostname, cidr, regex",
                    e);
        }
        List<String> entries = new ArrayList<>();
        for (JsonNode e : node.path("list").values()) {
            String v = Json.text(e);
            if (v != null && !v.isBlank()) {
                entries.add(v);
            }
        }
        Set<IndicatorType> applies = null;
        if (node.path("matching_attributes").isArray()) {
            applies = EnumSet.noneOf(IndicatorType.class);
            for (JsonNode a : node.path("matching_attributes").values()) {
                applies.addAll(typesOf(String.valueOf(Json.text(a))));
            }
        }
        try {
            return new Warninglist(name, type, entries, applies);
        } catch (IllegalArgumentException e) {
            throw new IndicatorFormatException("warninglist '" + name + "': " + e.getMessage(), e);
        }
    }

    private static Set<IndicatorType> typesOf(String mispType) {
        return switch (mispType) {
            case "ip-src", "ip-dst", "ip-src|port", "ip-dst|port" ->
                EnumSet.of(IndicatorType.IPV4, IndicatorType.IPV6, IndicatorType.CIDR);
            case "domain|ip" ->
                EnumSet.of(IndicatorType.IPV4, IndicatorType.IPV6, IndicatorType.CIDR, IndicatorType.DOMAIN);
            case "domain", "hostname", "hostname|port" -> EnumSet.of(IndicatorType.DOMAIN);
            case "url", "uri", "link" -> EnumSet.of(IndicatorType.URL);
            case "md5", "filename|md5" -> EnumSet.of(IndicatorType.MD5);
            case "sha1", "filename|sha1" -> EnumSet.of(IndicatorType.SHA1);
            case "sha256", "filename|sha256" -> EnumSet.of(IndicatorType.SHA256);
            case "email", "email-src", "email-dst", "target-email", "whois-registrant-email", "email-reply-to" ->
                EnumSet.of(IndicatorType.EMAIL);
            default -> EnumSet.noneOf(IndicatorType.class);
        };
    }

    private static String stripDelimiters(String regex) {
        // MISP writes PHP-style regexes: /pattern/flags
        if (regex.length() > 1 && regex.charAt(0) == '/') {
            int end = regex.lastIndexOf('/');
            if (end > 0) {
                return regex.substring(1, end);
            }
        }
        return regex;
    }

    public String name() {
        return name;
    }

    public Type type() {
        return type;
    }

    /** Number of entries as listed. */
    public int size() {
        return size;
    }

    /** Whether the list marks {@code indicator} as known-benign (its type must be one the list covers). */
    public boolean matches(Indicator indicator) {
        if (appliesTo != null && !appliesTo.contains(indicator.type())) {
            return false;
        }
        return matches(indicator.value());
    }

    /** Whether the list marks the normalised value {@code value} as known-benign, whatever its type. */
    public boolean matches(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return switch (type) {
            case STRING -> strings.contains(v);
            case SUBSTRING -> substrings.stream().anyMatch(v::contains);
            case HOSTNAME -> hostMatches(host(v));
            case CIDR -> ranges != null && ranges.contains(v);
            case REGEX -> patterns.stream().anyMatch(p -> p.matcher(value).find());
        };
    }

    private boolean hostMatches(@Nullable String host) {
        if (host == null) {
            return false;
        }
        String h = host;
        while (true) {
            if (strings.contains(h)) {
                return true;
            }
            int dot = h.indexOf('.');
            if (dot < 0) {
                return false;
            }
            h = h.substring(dot + 1);
        }
    }

    /** The host part of a domain, URL or e-mail value. */
    private static @Nullable String host(String v) {
        int scheme = v.indexOf("://");
        if (scheme >= 0) {
            int start = scheme + 3;
            int end = start;
            while (end < v.length() && "/?#".indexOf(v.charAt(end)) < 0) {
                end++;
            }
            String authority = v.substring(start, end);
            authority = authority.substring(authority.lastIndexOf('@') + 1);
            int colon = authority.lastIndexOf(':');
            return colon >= 0 && !authority.endsWith("]") ? authority.substring(0, colon) : authority;
        }
        int at = v.lastIndexOf('@');
        return at >= 0 ? v.substring(at + 1) : v;
    }

    @Override
    public String toString() {
        return "Warninglist[" + name + ", " + type.name().toLowerCase(Locale.ROOT) + ", " + size + " entries]";
    }
}

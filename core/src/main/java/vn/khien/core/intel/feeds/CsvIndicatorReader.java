package vn.khien.core.intel.feeds;

import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.khien.core.intel.IndicatorType;

/**
 * Reads a CSV indicator export whose header names the value column (and optionally a type column), such as
 * the abuse.ch exports: URLhaus ({@code # id,dateadded,url,...} header inside a {@code #} comment
 * preamble), ThreatFox ({@code ioc_value}, {@code ioc_type}, {@code ", "}-separated quoted fields) and Feodo
 * Tracker ({@code dst_ip}).
 *
 * <p>Recognised columns, matched case-insensitively: value ({@code value}, {@code ioc_value}, {@code ioc},
 * {@code indicator}, {@code url}, {@code dst_ip}, {@code ip}, {@code domain}, {@code hostname},
 * {@code sha256_hash}, {@code md5_hash}, {@code sha1_hash}, {@code email} …), type ({@code type},
 * {@code ioc_type}, {@code indicator_type}), first/last seen, valid until, confidence, TLP and tags
 * ({@code tags}, {@code malware_printable}, {@code malware}, {@code threat}). Without a type column the value
 * column's name decides ({@code url} means URL) or, for generic names, the type is inferred. A date that
 * cannot be read is left empty rather than costing the indicator.
 */
public final class CsvIndicatorReader {
    private static final List<String> VALUE_COLUMNS = List.of(
            "value",
            "ioc_value",
            "ioc",
            "indicator",
            "observable",
            "url",
            "dst_ip",
            "dstip",
            "ip",
            "ip_address",
            "ipaddress",
            "address",
            "domain",
            "hostname",
            "host",
            "sha256_hash",
            "sha256",
            "sha1_hash",
            "sha1",
            "md5_hash",
            "md5",
            "hash",
            "email");
    private static final Map<String, IndicatorType> COLUMN_TYPES = Map.ofEntries(
            Map.entry("url", IndicatorType.URL),
            Map.entry("dst_ip", IndicatorType.IPV4),
            Map.entry("dstip", IndicatorType.IPV4),
            Map.entry("ip", IndicatorType.IPV4),
            Map.entry("ip_address", IndicatorType.IPV4),
            Map.entry("ipaddress", IndicatorType.IPV4),
            Map.entry("domain", IndicatorType.DOMAIN),
            Map.entry("hostname", IndicatorType.DOMAIN),
            Map.entry("host", IndicatorType.DOMAIN),
            Map.entry("sha256_hash", IndicatorType.SHA256),
            Map.entry("sha256", IndicatorType.SHA256),
            Map.entry("sha1_hash", IndicatorType.SHA1),
            Map.entry("sha1", IndicatorType.SHA1),
            Map.entry("md5_hash", IndicatorType.MD5),
            Map.entry("md5", IndicatorType.MD5),
            Map.entry("email", IndicatorType.EMAIL));
    private static final List<String> TYPE_COLUMNS = List.of("type", "ioc_type", "indicator_type", "kind");
    private static final List<String> FIRST_SEEN =
            List.of("first_seen", "first_seen_utc", "firstseen", "dateadded", "date_added");
    private static final List<String> LAST_SEEN = List.of("last_seen", "last_seen_utc", "last_online", "lastonline");
    private static final List<String> VALID_UNTIL = List.of("valid_until", "expiration", "expires");
    private static final List<String> CONFIDENCE = List.of("confidence", "confidence_level");
    private static final List<String> TAG_LIST_COLUMNS = List.of("tags", "labels");
    private static final List<String> TAG_COLUMNS = List.of("malware_printable", "malware", "threat", "threat_type");
    // IPV4 stands for "any IP form" here: IndicatorValues.as re-derives IPv4, IPv6 or CIDR from the value
    private static final Map<String, IndicatorType> TYPE_NAMES = Map.ofEntries(
            Map.entry("ip", IndicatorType.IPV4),
            Map.entry("ipv4", IndicatorType.IPV4),
            Map.entry("ipv6", IndicatorType.IPV4),
            Map.entry("ip-dst", IndicatorType.IPV4),
            Map.entry("ip-src", IndicatorType.IPV4),
            Map.entry("ip:port", IndicatorType.IPV4),
            Map.entry("ip_port", IndicatorType.IPV4),
            Map.entry("ipv4-addr", IndicatorType.IPV4),
            Map.entry("ipv6-addr", IndicatorType.IPV4),
            Map.entry("cidr", IndicatorType.IPV4),
            Map.entry("domain", IndicatorType.DOMAIN),
            Map.entry("hostname", IndicatorType.DOMAIN),
            Map.entry("fqdn", IndicatorType.DOMAIN),
            Map.entry("domain-name", IndicatorType.DOMAIN),
            Map.entry("url", IndicatorType.URL),
            Map.entry("md5", IndicatorType.MD5),
            Map.entry("md5_hash", IndicatorType.MD5),
            Map.entry("sha1", IndicatorType.SHA1),
            Map.entry("sha1_hash", IndicatorType.SHA1),
            Map.entry("sha256", IndicatorType.SHA256),
            Map.entry("sha256_hash", IndicatorType.SHA256),
            Map.entry("email", IndicatorType.EMAIL),
            Map.entry("email-src", IndicatorType.EMAIL),
            Map.entry("email-dst", IndicatorType.EMAIL),
            Map.entry("email-addr", IndicatorType.EMAIL));
    private static final Set<String> NO_TAG = Set.of("", "none", "null", "n/a", "-", "unknown");
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private CsvIndicatorReader() {}

    /**
     * Reads {@code in}; throws {@link IndicatorFormatException} when no header names a value column, and
     * turns each bad row into a rejection with its line number.
     */
    public static IndicatorImport read(Reader in, String source) throws IOException {
        CsvRecords records = new CsvRecords(in);
        IndicatorCollector c = new IndicatorCollector(source);
        List<String> commentHeader = null;
        Columns columns = null;
        for (CsvRecords.Row row = records.next(); row != null; row = records.next()) {
            if (row.comment() != null) {
                String text = row.comment().trim();
                if (columns == null && text.indexOf(',') > 0 && isHeader(text)) {
                    commentHeader = CsvRecords.split(text);
                }
                continue;
            }
            if (row.fields().size() == 1 && row.fields().get(0).isBlank()) {
                continue;
            }
            if (columns == null) {
                Columns own = Columns.of(row.fields());
                if (own != null) {
                    columns = own;
                    continue;
                }
                columns = commentHeader == null ? null : Columns.of(commentHeader);
                if (columns == null) {
                    throw new IndicatorFormatException("not an indicator CSV: line " + row.line()
                            + " is not a header naming a value column (one of " + String.join(", ", VALUE_COLUMNS)
                            + ")");
                }
            }
            c.read();
            row(c, columns, row);
        }
        if (columns == null) {
            throw new IndicatorFormatException("not an indicator CSV: no header line and no records");
        }
        return c.result();
    }

    /** Whether {@code headerLine} (a comment marker already removed) names a value column. */
    static boolean isHeader(String headerLine) {
        return Columns.of(CsvRecords.split(headerLine)) != null;
    }

    private static void row(IndicatorCollector c, Columns k, CsvRecords.Row row) {
        List<String> f = row.fields();
        String raw = get(f, k.value);
        if (raw == null || raw.isBlank()) {
            c.reject(row.line(), k.valueName, "empty value");
            return;
        }
        try {
            IndicatorValues.Typed typed;
            String typeName = get(f, k.type);
            if (typeName != null && !typeName.isBlank()) {
                IndicatorType t = TYPE_NAMES.get(typeName.trim().toLowerCase(Locale.ROOT));
                if (t == null) {
                    c.reject(
                            row.line(),
                            k.typeName,
                            "indicator type '" + IndicatorValues.shown(typeName) + "' is not supported");
                    return;
                }
                typed = IndicatorValues.as(t, raw);
            } else {
                IndicatorType byColumn = COLUMN_TYPES.get(k.valueName);
                typed = byColumn == null ? IndicatorValues.infer(raw) : IndicatorValues.as(byColumn, raw);
            }
            Set<String> tags = new LinkedHashSet<>();
            String tagList = get(f, k.tagList);
            if (tagList != null) {
                for (String t : tagList.split(",")) {
                    addTag(tags, t);
                }
            }
            for (int col : k.tags) {
                addTag(tags, get(f, col));
            }
            String tlp = get(f, k.tlp);
            c.record(c.indicator(
                    typed.type(),
                    typed.value(),
                    instant(get(f, k.firstSeen)),
                    instant(get(f, k.lastSeen)),
                    instant(get(f, k.validUntil)),
                    confidence(get(f, k.confidence)),
                    tlp == null || tlp.isBlank() ? null : Tlp.normalise(tlp),
                    new ArrayList<>(tags),
                    false));
        } catch (IllegalArgumentException e) {
            c.reject(row.line(), k.valueName, e.getMessage());
        }
    }

    private static void addTag(Set<String> tags, @Nullable String tag) {
        if (tag != null && !NO_TAG.contains(tag.trim().toLowerCase(Locale.ROOT))) {
            tags.add(tag.trim());
        }
    }

    private static @Nullable String get(List<String> fields, int index) {
        return index >= 0 && index < fields.size() ? fields.get(index) : null;
    }

    private static int confidence(@Nullable String s) {
        if (s == null || s.isBlank()) {
            return IndicatorCollector.DEFAULT_CONFIDENCE;
        }
        try {
            int v = Integer.parseInt(s.trim());
            return v >= 0 && v <= 100 ? v : IndicatorCollector.DEFAULT_CONFIDENCE;
        } catch (NumberFormatException e) {
            return IndicatorCollector.DEFAULT_CONFIDENCE;
        }
    }

    /** Reads the date forms exports use (UTC when no zone is written); {@code null} when unreadable. */
    static @Nullable Instant instant(@Nullable String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String v = s.trim();
        try {
            if (v.chars().allMatch(Character::isDigit)) {
                long n = Long.parseLong(v);
                return n > 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
            }
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (v.length() == 19 && v.charAt(10) == ' ') {
                return LocalDateTime.parse(v, SPACED).toInstant(ZoneOffset.UTC);
            }
            if (v.endsWith(" UTC")) {
                return instant(v.substring(0, v.length() - 4));
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static final class Columns {
        int value = -1;
        String valueName = "";
        int type = -1;
        String typeName = "";
        int firstSeen = -1;
        int lastSeen = -1;
        int validUntil = -1;
        int confidence = -1;
        int tagList = -1;
        int tlp = -1;
        final List<Integer> tags = new ArrayList<>();

        static @Nullable Columns of(List<String> header) {
            List<String> names = new ArrayList<>();
            for (String h : header) {
                names.add(h.trim().toLowerCase(Locale.ROOT).replace(' ', '_'));
            }
            Columns k = new Columns();
            for (String candidate : VALUE_COLUMNS) {
                int i = names.indexOf(candidate);
                if (i >= 0) {
                    k.value = i;
                    k.valueName = candidate;
                    break;
                }
            }
            if (k.value < 0) {
                return null;
            }
            k.type = first(names, TYPE_COLUMNS);
            k.typeName = k.type >= 0 ? names.get(k.type) : "";
            k.firstSeen = first(names, FIRST_SEEN);
            k.lastSeen = first(names, LAST_SEEN);
            k.validUntil = first(names, VALID_UNTIL);
            k.confidence = first(names, CONFIDENCE);
            k.tagList = first(names, TAG_LIST_COLUMNS);
            k.tlp = names.indexOf("tlp");
            int malware = first(names, TAG_COLUMNS);
            if (malware >= 0) {
                k.tags.add(malware);
            }
            return k;
        }

        private static int first(List<String> names, List<String> candidates) {
            for (String c : candidates) {
                int i = names.indexOf(c);
                if (i >= 0) {
                    return i;
                }
            }
            return -1;
        }
    }
}

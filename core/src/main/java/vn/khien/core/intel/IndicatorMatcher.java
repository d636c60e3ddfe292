package vn.khien.core.intel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.khien.core.logs.LogEvent;

/**
 * Matches log events against a fixed list of indicators: domains (exact and parent, see {@link DomainSet}),
 * IPv4/IPv6 addresses and CIDR networks (longest prefix, see {@link IpSet}), normalised URLs (exact, see
 * {@link Urls}), MD5/SHA-1/SHA-256 hashes and e-mail addresses (exact, case-insensitive).
 *
 * <p>Indicators that are revoked or expired at the build instant, and values that do not parse as their
 * type, are left out and counted. When the same value occurs several times, the first occurrence in the
 * list is the one reported. Instances are immutable and thread-safe; build a new one when the list changes.
 */
public final class IndicatorMatcher {
    private final List<Indicator> indicators;
    private final DomainSet domains;
    private final IpSet ips;
    private final Map<String, Integer> urls;
    private final Map<String, Integer> hashes;
    private final Map<String, Integer> emails;
    private final int inactive;
    private final int invalid;

    private IndicatorMatcher(
            List<Indicator> indicators,
            DomainSet domains,
            IpSet ips,
            Map<String, Integer> urls,
            Map<String, Integer> hashes,
            Map<String, Integer> emails,
            int inactive,
            int invalid) {
        this.indicators = indicators;
        this.domains = domains;
        this.ips = ips;
        this.urls = urls;
        this.hashes = hashes;
        this.emails = emails;
        this.inactive = inactive;
        this.invalid = invalid;
    }

    /** Builds a matcher over the indicators of {@code list} that are active at {@code now}. */
    public static IndicatorMatcher build(List<Indicator> list, Instant now) {
        List<Indicator> copy = List.copyOf(list);
        DomainSet.Builder domains = DomainSet.builder();
        IpSet.Builder ips = IpSet.builder();
        Map<String, Integer> urls = new HashMap<>();
        Map<String, Integer> hashes = new HashMap<>();
        Map<String, Integer> emails = new HashMap<>();
        int inactive = 0;
        int invalid = 0;
        for (int i = 0; i < copy.size(); i++) {
            Indicator ind = copy.get(i);
            if (!ind.activeAt(now)) {
                inactive++;
                continue;
            }
            boolean ok =
                    switch (ind.type()) {
                        case DOMAIN -> domains.add(ind.value(), i);
                        case IPV4, IPV6, CIDR -> ips.add(ind.value(), i);
                        case URL -> putFirst(urls, Urls.normalize(ind.value()), i);
                        case MD5, SHA1, SHA256 -> putFirst(hashes, normalizeHash(ind.value()), i);
                        case EMAIL -> putFirst(emails, normalizeEmail(ind.value()), i);
                    };
            if (!ok) {
                invalid++;
            }
        }
        return new IndicatorMatcher(copy, domains.build(), ips.build(), urls, hashes, emails, inactive, invalid);
    }

    private static boolean putFirst(Map<String, Integer> map, @Nullable String key, int index) {
        if (key == null) {
            return false;
        }
        map.putIfAbsent(key, index);
        return true;
    }

    static @Nullable String normalizeHash(String value) {
        String h = value.strip().toLowerCase(Locale.ROOT);
        if (h.length() != 32 && h.length() != 40 && h.length() != 64) {
            return null;
        }
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return null;
            }
        }
        return h;
    }

    static @Nullable String normalizeEmail(String value) {
        String e = value.strip().toLowerCase(Locale.ROOT);
        int at = e.lastIndexOf('@');
        if (at <= 0 || at == e.length() - 1) {
            return null;
        }
        String domain = Domains.normalize(e.substring(at + 1));
        return domain == null ? null : e.substring(0, at + 1) + domain;
    }

    /** The indicator at {@code index} of the build list. */
    public Indicator indicator(int index) {
        return indicators.get(index);
    }

    /** Indicators left out because they were revoked or expired at build time. */
    public int inactiveCount() {
        return inactive;
    }

    /** Indicators left out because their value did not parse as their type. */
    public int invalidCount() {
        return invalid;
    }

    /** The domain structure, for callers that match raw bytes ({@link DomainSet#longestSuffix(byte[], int, int)}). */
    public DomainSet domains() {
        return domains;
    }

    /** The address structure. */
    public IpSet ips() {
        return ips;
    }

    /** Index of the most specific domain indicator equal to or a parent of {@code name}, or -1. */
    public int matchDomain(String name) {
        return domains.longestSuffix(name);
    }

    /** Index of the longest-prefix address/network indicator containing {@code address}, or -1. */
    public int matchIp(String address) {
        return ips.longestPrefix(address);
    }

    /** Index of the URL indicator equal to {@code url} after normalisation, or -1. */
    public int matchUrl(String url) {
        String n = Urls.normalize(url);
        return n == null ? -1 : urls.getOrDefault(n, -1);
    }

    /** Index of the hash indicator equal to {@code hash} (any case), or -1. */
    public int matchHash(String hash) {
        String n = normalizeHash(hash);
        return n == null ? -1 : hashes.getOrDefault(n, -1);
    }

    /** Index of the e-mail indicator equal to {@code address} (any case), or -1. */
    public int matchEmail(String address) {
        String n = normalizeEmail(address);
        return n == null ? -1 : emails.getOrDefault(n, -1);
    }

    /**
     * Every indicator hit in {@code event}: its domain (or the host of its URL), destination and source
     * address, URL and file hash, in that order; empty when nothing matches.
     */
    public List<IndicatorMatch> match(LogEvent event) {
        List<IndicatorMatch> out = List.of();
        String domain = event.domain();
        if (domain == null && event.url() != null && domains.size() > 0) {
            domain = hostOf(event.url());
        }
        if (domain != null && domains.size() > 0) {
            out = add(out, IndicatorMatch.Field.DOMAIN, domain, domains.longestSuffix(domain));
        }
        if (ips.ipv4Size() + ips.ipv6Size() > 0) {
            if (event.destinationIp() != null) {
                out = add(
                        out,
                        IndicatorMatch.Field.DESTINATION_IP,
                        event.destinationIp(),
                        matchIp(event.destinationIp()));
            }
            if (event.sourceIp() != null) {
                out = add(out, IndicatorMatch.Field.SOURCE_IP, event.sourceIp(), matchIp(event.sourceIp()));
            }
        }
        if (event.url() != null && !urls.isEmpty()) {
            out = add(out, IndicatorMatch.Field.URL, event.url(), matchUrl(event.url()));
        }
        if (event.fileHash() != null && !hashes.isEmpty()) {
            out = add(out, IndicatorMatch.Field.FILE_HASH, event.fileHash(), matchHash(event.fileHash()));
        }
        return out;
    }

    private List<IndicatorMatch> add(List<IndicatorMatch> out, IndicatorMatch.Field field, String observed, int index) {
        if (index < 0) {
            return out;
        }
        List<IndicatorMatch> list = out.isEmpty() ? new ArrayList<>(2) : out;
        list.add(new IndicatorMatch(field, observed, index, indicators.get(index)));
        return list;
    }

    private static @Nullable String hostOf(String url) {
        String n = Urls.normalize(url);
        if (n == null) {
            return null;
        }
        int start = n.indexOf("://") + 3;
        int end = start;
        while (end < n.length() && n.charAt(end) != '/' && n.charAt(end) != '?') {
            end++;
        }
        // authority = [userinfo@]host[:port]; the user part may itself contain ':'
        String authority = n.substring(start, end);
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        if (hostPort.startsWith("[")) {
            return null;
        }
        int colon = hostPort.indexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }
}

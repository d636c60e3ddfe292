package vn.khien.core.intel.feeds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.khien.core.intel.Indicator;
import vn.khien.core.intel.IndicatorType;

/**
 * Reads a plain indicator list: one value per line with its type inferred (IPv4, IPv6, CIDR, domain, URL,
 * MD5/SHA-1/SHA-256 by hex length, e-mail), {@code #} and {@code ;} comments at line start or after white
 * space, and hosts-file lines ({@code 0.0.0.0 evil.com other.evil.com}) whose names become domains.
 *
 * <p>The boilerplate names every hosts file carries ({@code localhost}, {@code broadcasthost},
 * {@code ip6-*}) are skipped like comments: they are not indicators and would otherwise fill the report with
 * rejections for a file that is fine.
 */
public final class PlainListReader {
    private static final Set<String> SINK_ADDRESSES =
            Set.of("0.0.0.0", "127.0.0.1", "255.255.255.255", "::", "::1", "0", "::0");
    private static final Set<String> HOSTS_BOILERPLATE = Set.of(
            "localhost",
            "localhost.localdomain",
            "local",
            "broadcasthost",
            "ip6-localhost",
            "ip6-loopback",
            "ip6-localnet",
            "ip6-mcastprefix",
            "ip6-allnodes",
            "ip6-allrouters",
            "ip6-allhosts",
            "0.0.0.0");

    private PlainListReader() {}

    /** Reads every line of {@code in}; bad lines become rejections with their line number. */
    public static IndicatorImport read(Reader in, String source) throws IOException {
        IndicatorCollector c = new IndicatorCollector(source);
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        long lineNo = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            lineNo++;
            String content = stripComment(lineNo == 1 ? stripBom(line) : line).trim();
            if (content.isEmpty()) {
                continue;
            }
            String[] tokens = content.split("\\s+");
            if (tokens.length > 1 && SINK_ADDRESSES.contains(tokens[0])) {
                hostsLine(c, tokens, lineNo);
                continue;
            }
            if (tokens.length == 1 && HOSTS_BOILERPLATE.contains(tokens[0].toLowerCase(Locale.ROOT))) {
                continue;
            }
            c.read();
            if (tokens.length > 1) {
                c.reject(
                        lineNo,
                        "",
                        "expected one value per line, found " + tokens.length + " fields: '"
                                + IndicatorValues.shown(content) + "'");
                continue;
            }
            try {
                c.record(c.simple(IndicatorValues.infer(tokens[0])));
            } catch (IllegalArgumentException e) {
                c.reject(lineNo, "", e.getMessage());
            }
        }
        return c.result();
    }

    private static void hostsLine(IndicatorCollector c, String[] tokens, long lineNo) {
        List<Indicator> names = new ArrayList<>();
        boolean any = false;
        for (int i = 1; i < tokens.length; i++) {
            if (HOSTS_BOILERPLATE.contains(tokens[i].toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (!any) {
                c.read();
                any = true;
            }
            try {
                names.add(c.simple(new IndicatorValues.Typed(IndicatorType.DOMAIN, IndicatorValues.domain(tokens[i]))));
            } catch (IllegalArgumentException e) {
                c.reject(lineNo, "", e.getMessage());
                return;
            }
        }
        if (any) {
            c.record(names);
        }
    }

    static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** Cuts a {@code #} or {@code ;} comment that starts the line or follows white space. */
    static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if ((ch == '#' || ch == ';') && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}

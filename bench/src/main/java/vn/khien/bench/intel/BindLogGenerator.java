package vn.khien.bench.intel;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a benchmark data set: {@code indicators.txt} (one domain per line), {@code bind.log} (BIND 9 query
 * log lines) and {@code truth.txt} (for every log line whose name is an indicator or a subdomain of one:
 * the 1-based line number and the 0-based position of the most specific such indicator).
 *
 * <p>Log names are a mix of hits (an indicator, or one to three random labels in front of it, in random
 * letter case, sometimes with a trailing dot), decoys that share text but not labels with an indicator
 * ({@code x<indicator>}, {@code <indicator>.example.net}, the indicator without its first character) and
 * benign random names under the same top-level domains. The truth is computed by a naive reference (a
 * {@code HashMap} probed with the name and each parent), so accidental hits among decoys are counted
 * correctly. Deterministic for a given seed.
 *
 * <p>Usage: {@code BindLogGenerator OUT_DIR [lines=5000000] [domains=1000000] [seed=4]}
 */
public final class BindLogGenerator {
    private static final String[] TLDS = {
        "com", "net", "org", "vn", "com.vn", "info", "xyz", "top", "ru", "cn", "io", "biz", "online", "site", "club",
        "gov.vn", "edu.vn", "co", "me", "cc"
    };
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private BindLogGenerator() {}

    /** Counts of what was written. */
    record Summary(int domains, long lines, long hits, double averageDomainLength) {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/intel-data");
        long lines = args.length > 1 ? Long.parseLong(args[1]) : 5_000_000L;
        int domains = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 4;
        Summary s = generate(dir, lines, domains, seed);
        System.out.printf(
                Locale.ROOT,
                "wrote %s: %,d indicators (average %.1f characters), %,d log lines, %,d hits%n",
                dir,
                s.domains(),
                s.averageDomainLength(),
                s.lines(),
                s.hits());
    }

    static Summary generate(Path dir, long lines, int domainCount, long seed) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> domains = new ArrayList<>(domainCount);
        Map<String, Integer> index = new HashMap<>(domainCount * 2);
        long totalLength = 0;
        while (domains.size() < domainCount) {
            String d = (rnd.nextInt(10) < 3 ? label(rnd, 3, 8) + "." : "") + label(rnd, 5, 14) + "." + tld(rnd);
            if (index.putIfAbsent(d, domains.size()) == null) {
                domains.add(d);
                totalLength += d.length();
            }
        }
        try (OutputStream out =
                new BufferedOutputStream(Files.newOutputStream(dir.resolve("indicators.txt")), 1 << 20)) {
            out.write("# generated benchmark indicators, one domain per line\n".getBytes(StandardCharsets.US_ASCII));
            for (String d : domains) {
                out.write(d.getBytes(StandardCharsets.US_ASCII));
                out.write('\n');
            }
        }
        long hits = 0;
        try (OutputStream log = new BufferedOutputStream(Files.newOutputStream(dir.resolve("bind.log")), 1 << 22);
                OutputStream truth =
                        new BufferedOutputStream(Files.newOutputStream(dir.resolve("truth.txt")), 1 << 20)) {
            StringBuilder b = new StringBuilder(256);
            for (long n = 1; n <= lines; n++) {
                String name = name(rnd, domains);
                int found = naiveLongestSuffix(index, name);
                if (found >= 0) {
                    hits++;
                    truth.write((n + " " + found + "\n").getBytes(StandardCharsets.US_ASCII));
                }
                b.setLength(0);
                int ms = (int) (n % 1000);
                int sec = (int) ((n / 1000) % 60);
                b.append("22-Nov-2026 09:")
                        .append(two((int) ((n / 60_000) % 60)))
                        .append(':')
                        .append(two(sec))
                        .append('.')
                        .append(ms < 10 ? "00" : ms < 100 ? "0" : "")
                        .append(ms)
                        .append(" queries: info: client @0x7f3a2c01b2a8 10.")
                        .append(rnd.nextInt(256))
                        .append('.')
                        .append(rnd.nextInt(256))
                        .append('.')
                        .append(1 + rnd.nextInt(254))
                        .append('#')
                        .append(1024 + rnd.nextInt(60000))
                        .append(" (")
                        .append(name)
                        .append("): query: ")
                        .append(name)
                        .append(rnd.nextInt(5) == 0 ? " IN AAAA +E(0)K (10.12.0.2)\n" : " IN A +E(0)K (10.12.0.2)\n");
                log.write(b.toString().getBytes(StandardCharsets.US_ASCII));
            }
        }
        return new Summary(domains.size(), lines, hits, (double) totalLength / domains.size());
    }

    private static String name(SplittableRandom rnd, List<String> domains) {
        int r = rnd.nextInt(100);
        String ind = domains.get(rnd.nextInt(domains.size()));
        if (r < 2) {
            return mixCase(rnd, ind);
        }
        if (r < 4) {
            StringBuilder s = new StringBuilder();
            int labels = 1 + rnd.nextInt(3);
            for (int i = 0; i < labels; i++) {
                s.append(label(rnd, 1, 10)).append('.');
            }
            return mixCase(rnd, s + ind) + (rnd.nextInt(10) == 0 ? "." : "");
        }
        if (r < 5) {
            return "x" + ind;
        }
        if (r < 6) {
            return ind + ".example.net";
        }
        if (r < 7) {
            return ind.substring(1);
        }
        return (rnd.nextInt(3) == 0 ? "www." : "") + label(rnd, 4, 14) + "." + tld(rnd);
    }

    private static String mixCase(SplittableRandom rnd, String s) {
        if (rnd.nextBoolean()) {
            return s;
        }
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (rnd.nextInt(3) == 0) {
                c[i] = Character.toUpperCase(c[i]);
            }
        }
        return new String(c);
    }

    /** The reference semantics: the name, then each parent, first hit wins (the most specific). */
    static int naiveLongestSuffix(Map<String, Integer> index, String rawName) {
        String n = rawName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        while (true) {
            Integer v = index.get(n);
            if (v != null) {
                return v;
            }
            int dot = n.indexOf('.');
            if (dot < 0) {
                return -1;
            }
            n = n.substring(dot + 1);
        }
    }

    private static String label(SplittableRandom rnd, int min, int max) {
        int len = min + rnd.nextInt(max - min + 1);
        char[] c = new char[len];
        for (int i = 0; i < len; i++) {
            c[i] = ALPHABET.charAt(i == 0 ? rnd.nextInt(26) : rnd.nextInt(ALPHABET.length()));
        }
        return new String(c);
    }

    private static String tld(SplittableRandom rnd) {
        return TLDS[rnd.nextInt(TLDS.length)];
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }
}

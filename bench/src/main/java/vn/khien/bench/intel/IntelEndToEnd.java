package vn.khien.bench.intel;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import vn.khien.core.intel.DomainSet;
import vn.khien.core.intel.IpSet;
import vn.khien.core.logs.BindQueryLogParser;

/**
 * End-to-end domain-matching benchmark, one run side by side: Khiên's {@link DomainSet} on one thread, the
 * Python {@code set} baseline with the same semantics (as a subprocess), and {@code grep -F -f} on a slice;
 * verifies Khiên's hits against the generator's truth (zero false positives and negatives) and measures
 * build time and bytes per domain and per IPv4 entry.
 *
 * <p>Usage: {@code IntelEndToEnd DATA_DIR [grepSliceLines=50000] [javaRuns=3]}; generate the data with
 * {@link BindLogGenerator} first. Prints a Markdown report.
 */
public final class IntelEndToEnd {
    private static final long WINDOW = 256L << 20;

    private IntelEndToEnd() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/intel-data");
        int grepSlice = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path indicators = dir.resolve("indicators.txt");
        Path log = dir.resolve("bind.log");
        long[] truth = readTruth(dir.resolve("truth.txt"));

        System.out.println("## Run " + java.time.Instant.now());
        System.out.printf(
                Locale.ROOT,
                "JVM %s, %d available processors (shared with other work), max heap %d MiB%n%n",
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        // build: text to set, several times to warm up, then memory of one retained set
        byte[] text = Files.readAllBytes(indicators);
        List<Double> buildMs = new ArrayList<>();
        DomainSet set = null;
        for (int i = 0; i < 7; i++) {
            set = null;
            long t0 = System.nanoTime();
            set = DomainSet.fromLines(text);
            buildMs.add((System.nanoTime() - t0) / 1e6);
        }
        set = null;
        long before = usedHeapAfterGc();
        set = DomainSet.fromLines(text);
        long after = usedHeapAfterGc();
        int n = set.size();
        System.out.printf(Locale.ROOT, "| measure | value |%n| --- | --- |%n");
        System.out.printf(Locale.ROOT, "| domains | %,d (indicators.txt %,d bytes) |%n", n, text.length);
        System.out.printf(
                Locale.ROOT,
                "| build from text, first (cold JIT) / best / median of %d | %.0f / %.0f / %.0f ms |%n",
                buildMs.size(),
                buildMs.get(0),
                min(buildMs),
                median(buildMs));
        System.out.printf(
                Locale.ROOT,
                "| bytes per domain, structure's own accounting | %.1f |%n",
                (double) set.memoryBytes() / n);
        System.out.printf(
                Locale.ROOT, "| bytes per domain, heap used after GC, delta | %.1f |%n", (double) (after - before) / n);

        // Khiên: stream the log from the page cache, parse the BIND line, test name and each parent
        List<Double> rates = new ArrayList<>();
        Result r = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            r = scan(log, set);
            double s = (System.nanoTime() - t0) / 1e9;
            rates.add(r.lines / s);
        }
        String verdict = verify(r, truth);
        System.out.printf(
                Locale.ROOT,
                "| Khiên lines/s, one thread, reading the file (best / median of %d) | %,.0f / %,.0f |%n",
                runs,
                max(rates),
                median(rates));
        System.out.printf(Locale.ROOT, "| Khiên lines, hits | %,d, %,d |%n", r.lines, r.hitCount);
        System.out.printf(Locale.ROOT, "| Khiên vs generator truth | %s |%n", verdict);

        // the same loop on the log held in memory (the JMH benchmark measures this hot loop in isolation)
        byte[] all = Files.readAllBytes(log);
        List<Double> memRates = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            long h = scanInMemory(all, all.length, set);
            memRates.add(r.lines / ((System.nanoTime() - t0) / 1e9));
            if (h != r.hitCount) {
                throw new IllegalStateException("in-memory scan found " + h + " hits, file scan " + r.hitCount);
            }
        }
        all = null;
        System.out.printf(
                Locale.ROOT,
                "| Khiên lines/s, one thread, log already in memory (best / median of %d) | %,.0f / %,.0f |%n",
                runs,
                max(memRates),
                median(memRates));

        // Python set baseline, same semantics
        Path script = Files.createTempFile("khien-python-baseline", ".py");
        try (InputStream in = IntelEndToEnd.class.getResourceAsStream("python_set_baseline.py")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path pyHits = Files.createTempFile("khien-python-hits", ".txt");
        String py =
                run(List.of("python3", script.toString(), indicators.toString(), log.toString(), pyHits.toString()));
        double pyMatch = jsonNumber(py, "match_s");
        double pyLines = jsonNumber(py, "lines");
        double pyRate = pyLines / pyMatch;
        long[] pyHitLines = Files.readAllLines(pyHits).stream()
                .filter(s -> !s.isBlank())
                .mapToLong(Long::parseLong)
                .toArray();
        long[] truthLines = Arrays.stream(truth).map(v -> v >>> 32).toArray();
        System.out.printf(
                Locale.ROOT,
                "| Python 3 set baseline lines/s (build %.2f s) | %,.0f |%n",
                jsonNumber(py, "build_s"),
                pyRate);
        System.out.printf(
                Locale.ROOT,
                "| Python hits vs generator truth | %s |%n",
                Arrays.equals(pyHitLines, truthLines) ? "identical" : "DIFFERENT (" + pyHitLines.length + ")");
        System.out.printf(
                Locale.ROOT,
                "| Khiên / Python, both reading the file (best / median) | %.1f× / %.1f× |%n",
                max(rates) / pyRate,
                median(rates) / pyRate);
        System.out.printf(
                Locale.ROOT,
                "| Khiên in memory / Python reading the file (best / median) | %.1f× / %.1f× |%n",
                max(memRates) / pyRate,
                median(memRates) / pyRate);
        Files.deleteIfExists(script);
        Files.deleteIfExists(pyHits);

        grep(dir, indicators, log, grepSlice, truth);
        ipv4();
    }

    /** What one scan found: lines read and (line << 32 | payload) of every hit. */
    record Result(long lines, long hitCount, long[] hits) {}

    static Result scan(Path log, DomainSet set) throws IOException {
        byte[] buf = new byte[8 << 20];
        int[] name = new int[2];
        long lineNo = 0;
        long[] hits = new long[1 << 16];
        int hitCount = 0;
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.READ)) {
            // the file is mapped in large windows and copied into one reused heap array: a single copy out of
            // the page cache, where read() would add the kernel's copy and the JDK's bounce buffer
            long size = ch.size();
            long mapped = 0;
            ByteBuffer window = ByteBuffer.allocate(0);
            int carry = 0;
            boolean eof = false;
            while (!eof) {
                if (!window.hasRemaining() && mapped < size) {
                    long len = Math.min(WINDOW, size - mapped);
                    window = ch.map(FileChannel.MapMode.READ_ONLY, mapped, len);
                    mapped += len;
                }
                int n = Math.min(buf.length - carry, window.remaining());
                window.get(buf, carry, n);
                eof = mapped >= size && !window.hasRemaining();
                int limit = carry + n;
                int pos = 0;
                while (pos < limit) {
                    int eol = BindQueryLogParser.scanLine(buf, pos, limit, name);
                    if (eol == limit && !eof) {
                        break;
                    }
                    lineNo++;
                    if (name[0] >= 0) {
                        int p = set.longestSuffix(buf, name[0], name[1]);
                        if (p >= 0) {
                            if (hitCount == hits.length) {
                                hits = Arrays.copyOf(hits, hitCount * 2);
                            }
                            hits[hitCount++] = (lineNo << 32) | p;
                        }
                    }
                    pos = eol + 1;
                }
                if (!eof) {
                    carry = limit - pos;
                    System.arraycopy(buf, pos, buf, 0, carry);
                }
            }
        }
        return new Result(lineNo, hitCount, Arrays.copyOf(hits, hitCount));
    }

    /** The same loop over a log already in memory: the matcher without the cost of reading the file. */
    static long scanInMemory(byte[] log, int end, DomainSet set) {
        int[] name = new int[2];
        long hits = 0;
        int pos = 0;
        while (pos < end) {
            int eol = BindQueryLogParser.scanLine(log, pos, end, name);
            if (name[0] >= 0 && set.longestSuffix(log, name[0], name[1]) >= 0) {
                hits++;
            }
            pos = eol + 1;
        }
        return hits;
    }

    private static String verify(Result r, long[] truth) {
        long fp = 0;
        long fn = 0;
        int i = 0;
        int j = 0;
        while (i < r.hits.length || j < truth.length) {
            if (j == truth.length || (i < r.hits.length && r.hits[i] < truth[j])) {
                fp++;
                i++;
            } else if (i == r.hits.length || r.hits[i] > truth[j]) {
                fn++;
                j++;
            } else {
                i++;
                j++;
            }
        }
        return String.format(
                Locale.ROOT,
                "%,d true hits; %d false positives, %d false negatives (line and indicator compared)",
                truth.length,
                fp,
                fn);
    }

    private static void grep(Path dir, Path indicators, Path log, int sliceLines, long[] truth) throws Exception {
        Path slice = dir.resolve("bind-slice.log");
        try (var lines = Files.lines(log)) {
            Files.write(slice, (Iterable<String>) lines.limit(sliceLines)::iterator);
        }
        long trueHits =
                Arrays.stream(truth).filter(v -> (v >>> 32) <= sliceLines).count();
        Path patterns = dir.resolve("indicators-nocomment.txt");
        try (var lines = Files.lines(indicators)) {
            Files.write(patterns, (Iterable<String>) lines.filter(s -> !s.startsWith("#"))::iterator);
        }
        long t0 = System.nanoTime();
        Path result = dir.resolve("grep-count.txt");
        // -i would give grep the same case-insensitivity, but makes it far slower still with a million patterns
        Process p = new ProcessBuilder("grep", "-c", "-F", "-f", patterns.toString(), slice.toString())
                .redirectErrorStream(true)
                .redirectOutput(result.toFile())
                .start();
        boolean done = p.waitFor(180, TimeUnit.SECONDS);
        double s = (System.nanoTime() - t0) / 1e9;
        if (!done) {
            p.destroyForcibly();
            System.out.printf(Locale.ROOT, "| grep -c -F -f, %,d-line slice | did not finish in 180 s |%n", sliceLines);
            return;
        }
        String out = Files.readString(result).strip();
        Files.deleteIfExists(result);
        System.out.printf(
                Locale.ROOT,
                "| grep -c -F -f (GNU grep, case-sensitive), %,d-line slice, incl. pattern load | %,.0f lines/s; %s matching lines vs %,d true hits |%n",
                sliceLines,
                sliceLines / s,
                out,
                trueHits);
        Files.deleteIfExists(slice);
        Files.deleteIfExists(patterns);
    }

    private static void ipv4() {
        int count = 1_000_000;
        SplittableRandom rnd = new SplittableRandom(7);
        int[] addrs = new int[count];
        int[] lens = new int[count];
        for (int i = 0; i < count; i++) {
            addrs[i] = rnd.nextInt();
            int r = rnd.nextInt(10);
            lens[i] = r < 7 ? 32 : r < 9 ? 24 : 16;
        }
        long before = usedHeapAfterGc();
        IpSet.Builder b = IpSet.builder();
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            b.addV4(addrs[i], lens[i], i);
        }
        IpSet set = b.build();
        double ms = (System.nanoTime() - t0) / 1e6;
        long after = usedHeapAfterGc();
        System.out.printf(
                Locale.ROOT,
                "| IPv4 entries (70%% /32, 20%% /24, 10%% /16), build | %,d, %.0f ms |%n",
                set.ipv4Size(),
                ms);
        System.out.printf(
                Locale.ROOT,
                "| bytes per IPv4/CIDR entry, own accounting / heap delta | %.1f / %.1f |%n",
                (double) set.ipv4MemoryBytes() / set.ipv4Size(),
                (double) (after - before) / set.ipv4Size());
        int probe = 0;
        long t1 = System.nanoTime();
        for (int i = 0; i < 5_000_000; i++) {
            if (set.longestPrefixV4(rnd.nextInt()) >= 0) {
                probe++;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "| IPv4 longest-prefix lookups/s (random addresses, %d hits) | %,.0f |%n",
                probe,
                5_000_000 / ((System.nanoTime() - t1) / 1e9));
    }

    private static long[] readTruth(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        long[] t = new long[lines.size()];
        for (int i = 0; i < t.length; i++) {
            String s = lines.get(i);
            int sp = s.indexOf(' ');
            t[i] = (Long.parseLong(s.substring(0, sp)) << 32) | Integer.parseInt(s.substring(sp + 1));
        }
        return t;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IOException(cmd + " failed: " + out);
        }
        return out;
    }

    private static double jsonNumber(String json, String key) {
        int i = json.indexOf("\"" + key + "\": ") + key.length() + 4;
        int j = i;
        while (j < json.length() && "0123456789.eE+-".indexOf(json.charAt(j)) >= 0) {
            j++;
        }
        return Double.parseDouble(json.substring(i, j));
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a[a.length / 2];
    }
}

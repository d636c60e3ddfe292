package vn.khien.bench.accounts;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import vn.khien.core.accounts.breached.BreachedHashStore;
import vn.khien.core.accounts.breached.BreachedStoreBuilder;

/**
 * Generates a sorted NTLM {@code HASH:COUNT} text of N hashes (default 50,000,000, about 1.9 GB, CRLF like the
 * download), times its import into a store (MB/s of text) and one-thread lookups (half present, half absent),
 * one by one and a block at a time ({@code containsEach}),
 * then deletes the text. The store is left for {@link HashAuditBenchmark}.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar vn.khien.bench.accounts.BreachedStoreBenchmark DIR [N]}
 */
public final class BreachedStoreBenchmark {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private BreachedStoreBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/khien-bench");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 50_000_000;
        Files.createDirectories(dir);
        long[] hi = sortedHighWords(n, 7);
        Path text = dir.resolve("pwned-ntlm-ordered-by-hash.txt");
        writeText(text, hi);
        System.out.printf("text %s: %d hashes, %.2f GB%n", text, n, Files.size(text) / 1e9);

        Path storeDir = dir.resolve("store");
        long t = System.nanoTime();
        BreachedStoreBuilder.Result r = new BreachedStoreBuilder().build(List.of(text), storeDir, x -> {});
        double s = (System.nanoTime() - t) / 1e9;
        System.out.printf(
                "import: %d hashes, %.2f GB text in %.1f s = %.0f MB/s; store %.2f GB; %s%n",
                r.count(),
                r.bytesRead() / 1e9,
                s,
                r.bytesRead() / 1e6 / s,
                Files.size(r.store()) / 1e9,
                r.report().summary());
        Files.delete(text);

        try (BreachedHashStore store = BreachedHashStore.open(r.store())) {
            int q = 10_000_000;
            byte[][] queries = new byte[q][];
            SplittableRandom rnd = new SplittableRandom(11);
            for (int i = 0; i < q; i++) {
                queries[i] = (i & 1) == 0 ? hash(hi, rnd.nextInt(n)) : random(rnd);
            }
            boolean[] found = new boolean[q];
            for (int round = 0; round < 3; round++) {
                long one = 0;
                long t0 = System.nanoTime();
                for (byte[] h : queries) {
                    if (store.contains(h)) {
                        one++;
                    }
                }
                double ls = (System.nanoTime() - t0) / 1e9;
                long t1 = System.nanoTime();
                int each = store.containsEach(queries, found);
                double bs = (System.nanoTime() - t1) / 1e9;
                if (each != one) {
                    throw new IllegalStateException("containsEach found " + each + ", contains " + one);
                }
                System.out.printf(
                        "lookups round %d: %d one by one in %.2f s = %.2f M/s; containsEach in %.2f s = %.2f M/s"
                                + " (found %d)%n",
                        round, q, ls, q / ls / 1e6, bs, q / bs / 1e6, one);
            }
        }
    }

    /** Sorted (unsigned) random leading words; the low word of hash i is derived from i. */
    static long[] sortedHighWords(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] hi = new long[n];
        for (int i = 0; i < n; i++) {
            hi[i] = r.nextLong() ^ Long.MIN_VALUE;
        }
        Arrays.sort(hi);
        for (int i = 0; i < n; i++) {
            hi[i] ^= Long.MIN_VALUE;
        }
        return hi;
    }

    static long low(int i) {
        long z = (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        return z ^ (z >>> 27);
    }

    static byte[] hash(long[] hi, int i) {
        byte[] h = new byte[16];
        for (int k = 0; k < 8; k++) {
            h[k] = (byte) (hi[i] >>> (56 - 8 * k));
            h[8 + k] = (byte) (low(i) >>> (56 - 8 * k));
        }
        return h;
    }

    private static byte[] random(SplittableRandom r) {
        byte[] h = new byte[16];
        for (int k = 0; k < 16; k++) {
            h[k] = (byte) r.nextInt(256);
        }
        return h;
    }

    private static void writeText(Path file, long[] hi) throws IOException {
        byte[] line = new byte[64];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 22)) {
            for (int i = 0; i < hi.length; i++) {
                long a = hi[i];
                long b = low(i);
                if (i > 0 && a == hi[i - 1]) {
                    continue; // keep the text strictly sorted: equal leading words are astronomically rare
                }
                for (int k = 0; k < 16; k++) {
                    line[k] = HEX[(int) (a >>> (60 - 4 * k)) & 15];
                    line[16 + k] = HEX[(int) (b >>> (60 - 4 * k)) & 15];
                }
                int p = 32;
                line[p++] = ':';
                int count = 1 + (int) (b & 1023);
                String c = Integer.toString(count);
                for (int k = 0; k < c.length(); k++) {
                    line[p++] = (byte) c.charAt(k);
                }
                line[p++] = '\r';
                line[p++] = '\n';
                out.write(line, 0, p);
            }
        }
    }
}

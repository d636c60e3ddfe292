package vn.khien.bench.accounts;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import vn.khien.core.accounts.NtHash;
import vn.khien.core.accounts.breached.BreachedHashStore;
import vn.khien.core.accounts.hashes.AccountHash;
import vn.khien.core.accounts.hashes.AuditOptions;
import vn.khien.core.accounts.hashes.AuditResult;
import vn.khien.core.accounts.hashes.HashAuditor;
import vn.khien.core.accounts.hashes.PasswordCandidates;

/**
 * Audits 100,000 NTLM accounts (5% defaults and dictionary passwords, 1% name-based, 10% with a hash taken
 * from the store, the rest random) against the store {@link BreachedStoreBenchmark} left in {@code DIR/store},
 * timing the audit after the store is open. The first round of a fresh JVM is the figure that counts: that is
 * what {@code khien audit-hashes} does.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar vn.khien.bench.accounts.HashAuditBenchmark DIR [N]}
 */
public final class HashAuditBenchmark {
    private HashAuditBenchmark() {}

    /** CPU time of the whole process (every audit thread and the JIT compilers), in nanoseconds. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/khien-bench");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        SplittableRandom r = new SplittableRandom(5);
        String[] weak = {"123456", "Demo@123", "Abc@123", "matkhau123", "anhyeuem", "qwerty123"};
        Path storeFile = dir.resolve("store").resolve("ntlm.khs");
        List<AccountHash> accounts = new ArrayList<>(n);
        try (BreachedHashStore store = BreachedHashStore.open(storeFile);
                FileChannel ch = FileChannel.open(storeFile)) {
            long stored = store.count();
            for (int i = 0; i < n; i++) {
                String account = "HATINH\\nguyenvan" + Integer.toString(i, 36);
                int k = r.nextInt(100);
                byte[] hash;
                if (k < 5) {
                    hash = NtHash.of(weak[r.nextInt(weak.length)]);
                } else if (k < 6) {
                    hash = NtHash.of("Nguyenvan" + Integer.toString(i, 36) + "@123");
                } else if (k < 16) {
                    // a breached password: a hash read from the store's sorted hashes (they start at byte 64)
                    ByteBuffer b = ByteBuffer.allocate(NtHash.LENGTH);
                    ch.read(b, 64 + NtHash.LENGTH * r.nextLong(stored));
                    hash = b.array();
                } else {
                    hash = NtHash.of(Long.toString(r.nextLong(), 36) + "!Q");
                }
                accounts.add(AccountHash.ntlm(account, hash));
            }
            HashAuditor auditor =
                    new HashAuditor(PasswordCandidates.bundled(2025, 6), AuditOptions.defaults(), store, null);
            for (int round = 0; round < 3; round++) {
                long t = System.nanoTime();
                long cpu = processCpuNanos();
                AuditResult result = auditor.audit(accounts);
                double s = (System.nanoTime() - t) / 1e9;
                System.out.printf(
                        "audit round %d: %d accounts in %.3f s (process CPU %.3f s); %s%n",
                        round, n, s, (processCpuNanos() - cpu) / 1e9, result.summary());
            }
            // fresh auditor: includes hashing the dictionary and defaults once
            long t = System.nanoTime();
            long cpu = processCpuNanos();
            new HashAuditor(PasswordCandidates.bundled(2025, 6), AuditOptions.defaults(), store, null).audit(accounts);
            System.out.printf(
                    "cold auditor (dictionary hashed inside the timing): %.3f s (process CPU %.3f s)%n",
                    (System.nanoTime() - t) / 1e9, (processCpuNanos() - cpu) / 1e9);
            System.out.println("sample NT hash format check: " + HexFormat.of().formatHex(NtHash.of("password")));
        }
    }
}

package vn.khien.bench.inventory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.khien.core.ingest.ImportReport;
import vn.khien.core.inventory.Inventory;
import vn.khien.core.inventory.OsqueryResultImporter;
import vn.khien.core.inventory.demo.DemoInventoryGenerator;
import vn.khien.core.inventory.demo.DemoManifest;
import vn.khien.core.inventory.demo.DemoUnit;

/**
 * Generates an osquery result log of at least 1,000,000 lines with the demo generator (snapshot lines and
 * differential {@code programs} lines, as Khiên's pack logs them) and times its import into a fresh inventory.
 * Usage: {@code java -cp bench/target/benchmarks.jar vn.khien.bench.inventory.ResultLogImportBench [lines] [rounds]
 * [file]}; an existing file is reused.
 */
public final class ResultLogImportBench {
    private ResultLogImportBench() {}

    public static void main(String[] args) throws IOException {
        long target = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path file = Path.of(args.length > 2 ? args[2] : "target/osquery-results-bench.jsonl");
        if (!Files.exists(file)) {
            List<DemoUnit> units = new ArrayList<>();
            for (int u = 0; u < 100; u++) {
                units.add(new DemoUnit(
                        "U" + u, "Unit " + u, "10." + (20 + u / 200) + "." + (u % 200) + ".0/22", u % 3 == 0));
            }
            int endpoints = (int) (target / 56) + 1;
            long s = System.nanoTime();
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer log = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                DemoManifest m = new DemoInventoryGenerator(42, Instant.parse("2026-11-20T03:00:00Z"))
                        .generate(units, endpoints, log, Writer.nullWriter(), Writer.nullWriter());
                System.out.printf(
                        "generated %,d lines for %,d endpoints in %.1f s%n",
                        m.osqueryLines(), endpoints, (System.nanoTime() - s) / 1e9);
            }
        }
        System.out.printf(
                "file %s: %,d bytes; cores available: %d%n",
                file, Files.size(file), Runtime.getRuntime().availableProcessors());
        for (int r = 1; r <= rounds; r++) {
            Inventory inv = new Inventory();
            long s = System.nanoTime();
            long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            ImportReport report;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                report = new OsqueryResultImporter(inv).importLog(in);
            }
            double secs = (System.nanoTime() - s) / 1e9;
            double cpuSecs =
                    (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e9;
            System.out.printf(
                    "round %d: %.2f s wall (%,.0f lines/s), %.2f s CPU of the importing thread (%,.0f lines/s); %s%n",
                    r, secs, report.read() / secs, cpuSecs, report.read() / cpuSecs, report.summary());
        }
    }
}

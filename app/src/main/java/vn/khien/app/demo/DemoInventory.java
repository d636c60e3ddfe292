package vn.khien.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import vn.khien.app.inventory.Classification;
import vn.khien.app.inventory.ImportResult;
import vn.khien.app.inventory.InventoryService;
import vn.khien.app.org.IpRange;
import vn.khien.app.org.Unit;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.UnitScope;
import vn.khien.core.inventory.demo.DemoEndpoint;
import vn.khien.core.inventory.demo.DemoInventoryGenerator;
import vn.khien.core.inventory.demo.DemoManifest;
import vn.khien.core.inventory.demo.DemoUnit;
import vn.khien.core.org.UnitKind;

/**
 * The demo province's endpoints: core's generator writes ~2,000 machines' osquery result log and Bkav/Kaspersky
 * console CSVs for the demo units (within their IP ranges) into a temporary folder, which go through the real
 * importers; then the officer-set classification (zone, state secrets, server) is applied, as an IT officer would,
 * and compliance evaluates the result with the gaps the generator planted.
 */
@Component
class DemoInventory implements DemoStep {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DemoInventory.class);

    static final int ENDPOINTS = 2_000;
    static final long SEED = 20_261_122L;

    private final UnitService units;
    private final InventoryService inventory;
    private final Clock clock;

    DemoInventory(UnitService units, InventoryService inventory, Clock clock) {
        this.units = units;
        this.inventory = inventory;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "inventory";
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public String load() {
        List<DemoUnit> demoUnits = new ArrayList<>();
        for (Unit u : units.all(UnitScope.province())) {
            units.ipRanges(UnitScope.province(), u.id()).stream()
                    .map(IpRange::network)
                    .filter(n -> n.matches("\\d{1,3}(\\.\\d{1,3}){3}/(1[6-9]|2[0-9])"))
                    .findFirst()
                    .ifPresent(range -> demoUnits.add(new DemoUnit(
                            u.code(), u.name(), range, u.kind() == UnitKind.COMMUNE || u.kind() == UnitKind.WARD)));
        }
        if (demoUnits.isEmpty()) {
            return "no unit with an IPv4 range: skipped";
        }
        Instant now = clock.instant();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("khien-demo-inventory");
            Path log = dir.resolve("osquery-results.jsonl");
            Path bkav = dir.resolve("bkav-endpoint.csv");
            Path ksc = dir.resolve("kaspersky-security-center.csv");
            DemoManifest manifest;
            try (Writer l = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
                    Writer b = Files.newBufferedWriter(bkav, StandardCharsets.UTF_8);
                    Writer k = Files.newBufferedWriter(ksc, StandardCharsets.UTF_8)) {
                manifest = new DemoInventoryGenerator(SEED, now).generate(demoUnits, ENDPOINTS, l, b, k);
            }
            long t0 = System.nanoTime();
            ImportResult osq;
            try (Reader r = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
                osq = inventory.importOsqueryLog(UnitScope.province(), r, "demo/osquery-results.jsonl");
            }
            long t1 = System.nanoTime();
            ImportResult b;
            try (InputStream in = Files.newInputStream(bkav)) {
                b = inventory.importAvCsv(
                        UnitScope.province(), in, DemoInventoryGenerator.BKAV, now, "demo/bkav-endpoint.csv");
            }
            ImportResult k;
            try (InputStream in = Files.newInputStream(ksc)) {
                k = inventory.importAvCsv(
                        UnitScope.province(), in, DemoInventoryGenerator.KASPERSKY, now, "demo/kaspersky.csv");
            }
            long t2 = System.nanoTime();
            Map<String, Classification> classes = new HashMap<>();
            for (DemoEndpoint e : manifest.endpoints()) {
                classes.put(e.hostIdentifier(), new Classification(e.zone(), e.handlesStateSecrets(), e.server()));
            }
            int classified = inventory.classifyAll(UnitScope.province(), classes);
            LOG.info(
                    "Demo inventory: osquery log {} ms, console CSVs {} ms, classification {} ms",
                    (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000,
                    (System.nanoTime() - t2) / 1_000_000);
            return "osquery " + osq.report().summary() + ", bkav " + b.report().summary() + ", kaspersky "
                    + k.report().summary() + ", endpoints "
                    + manifest.endpoints().size() + ", classified "
                    + classified;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                    Files.deleteIfExists(dir);
                } catch (IOException e) {
                    // a leftover temp folder is harmless
                }
            }
        }
    }
}

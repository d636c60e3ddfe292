package vn.khien.bench.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import vn.khien.core.inventory.BackupStatus;
import vn.khien.core.inventory.EndpointFacts;
import vn.khien.core.inventory.FactSource;
import vn.khien.core.inventory.HostIdentity;
import vn.khien.core.inventory.InstalledSoftware;
import vn.khien.core.inventory.InternetConnectivity;
import vn.khien.core.inventory.NetworkAddress;
import vn.khien.core.inventory.OsInfo;
import vn.khien.core.inventory.OsPatch;
import vn.khien.core.inventory.RemovableStorageDevice;
import vn.khien.core.inventory.SecurityProduct;
import vn.khien.core.inventory.SecurityProductKind;
import vn.khien.core.inventory.Zone;

/**
 * Builds a province-sized inventory in memory, deterministically: N endpoints with about 50 installed programs
 * each (drawn from 400 distinct names, as real fleets repeat the same software), 6 patches, 2 security products,
 * USB devices on one machine in five, one state-secret machine in 500, and the gaps the rules look for.
 */
final class SyntheticEndpoints {
    private SyntheticEndpoints() {}

    record Province(List<EndpointFacts> endpoints, Map<String, String> units) {}

    static Province generate(int n, long seed, Instant now) {
        Random rnd = new Random(seed);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            names.add("Program " + i + " (x64) phần mềm " + (i % 37));
        }
        names.set(7, "Bkav EDR Agent");
        names.set(8, "Kaspersky Endpoint Detection and Response Optimum");
        List<EndpointFacts> out = new ArrayList<>(n);
        Map<String, String> units = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String id = String.format("HOST-%06d", i);
            FactSource src = new FactSource("osquery/bench", now.minus(rnd.nextInt(600), ChronoUnit.MINUTES));
            List<InstalledSoftware> sw = new ArrayList<>(55);
            int count = 45 + rnd.nextInt(11);
            for (int k = 0; k < count; k++) {
                sw.add(new InstalledSoftware(names.get(9 + rnd.nextInt(391)), "1." + k, "Vendor", null, src));
            }
            if (rnd.nextInt(10) > 0) {
                sw.add(new InstalledSoftware(names.get(7 + rnd.nextInt(2)), "2.1", "Vendor", null, src));
            }
            List<SecurityProduct> products = new ArrayList<>();
            if (rnd.nextInt(50) > 0) {
                Instant sig = now.minus(rnd.nextInt(rnd.nextInt(20) == 0 ? 30 : 3), ChronoUnit.DAYS);
                products.add(new SecurityProduct(
                        "Bkav Endpoint", SecurityProductKind.ANTIVIRUS, "5.2", true, true, sig, null, src));
            }
            products.add(new SecurityProduct(
                    "Windows Firewall", SecurityProductKind.FIREWALL, null, true, true, null, null, src));
            List<OsPatch> patches = new ArrayList<>();
            LocalDate newest = LocalDate.of(2026, 11, 18).minusDays(rnd.nextInt(rnd.nextInt(10) == 0 ? 120 : 30));
            for (int k = 0; k < 6; k++) {
                patches.add(
                        new OsPatch("KB50" + (40000 + k * 7 + rnd.nextInt(7)), newest.minusDays(31L * k), null, src));
            }
            boolean server = i % 50 == 0;
            boolean secret = i % 500 == 1;
            Zone zone = secret ? Zone.ISOLATED_LAN : rnd.nextInt(10) < 8 ? Zone.CPNET : Zone.INTERNET;
            List<RemovableStorageDevice> usb = new ArrayList<>();
            if (secret || rnd.nextInt(5) == 0) {
                String serial = rnd.nextInt(200) == 0 || secret && rnd.nextBoolean()
                        ? "SHARED" + rnd.nextInt(40)
                        : Long.toHexString(rnd.nextLong());
                usb.add(new RemovableStorageDevice(
                        "SanDisk", "Cruzer Blade", serial, src.observedAt(), src.observedAt(), src));
            }
            OsInfo os = server
                    ? new OsInfo("Microsoft Windows Server 2019 Standard", "10.0.17763", "17763", "windows", src)
                    : rnd.nextInt(4) == 0
                            ? new OsInfo("Microsoft Windows 10 Pro", "10.0.19045", "19045", "windows", src)
                            : new OsInfo("Microsoft Windows 11 Pro", "10.0.22631", "22631", "windows", src);
            Instant lastSeen = rnd.nextInt(100) == 0 ? now.minus(20, ChronoUnit.DAYS) : src.observedAt();
            out.add(new EndpointFacts(
                    id,
                    new HostIdentity(id, null, src),
                    zone,
                    secret,
                    server,
                    lastSeen.minus(90, ChronoUnit.DAYS),
                    lastSeen,
                    os,
                    List.of(new NetworkAddress(
                            "Ethernet0", "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255), null, src)),
                    sw,
                    products,
                    patches,
                    usb,
                    server ? new BackupStatus(now.minus(rnd.nextInt(12), ChronoUnit.DAYS), src) : null,
                    List.of(new InternetConnectivity(
                            zone == Zone.INTERNET || secret && rnd.nextInt(4) == 0, "bench", src))));
            units.put(id, "UNIT-" + (i % 300));
        }
        return new Province(out, units);
    }
}

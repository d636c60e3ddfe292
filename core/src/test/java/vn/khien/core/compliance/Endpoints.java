package vn.khien.core.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.khien.core.inventory.BackupStatus;
import vn.khien.core.inventory.EndpointFacts;
import vn.khien.core.inventory.FactSource;
import vn.khien.core.inventory.HostIdentity;
import vn.khien.core.inventory.InstalledSoftware;
import vn.khien.core.inventory.InternetConnectivity;
import vn.khien.core.inventory.OsInfo;
import vn.khien.core.inventory.OsPatch;
import vn.khien.core.inventory.RemovableStorageDevice;
import vn.khien.core.inventory.SecurityProduct;
import vn.khien.core.inventory.SecurityProductKind;
import vn.khien.core.inventory.Zone;

/** A small builder of endpoint facts for rule tests: a compliant CPNet workstation unless told otherwise. */
final class Endpoints {
    static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
    static final FactSource SRC = new FactSource("osquery/test", NOW.minusSeconds(600));

    String id;

    @Nullable
    Zone zone = Zone.CPNET;

    boolean secrets;
    boolean server;

    @Nullable
    Instant lastSeen = NOW.minusSeconds(600);

    @Nullable
    OsInfo os = new OsInfo("Microsoft Windows 11 Pro", "10.0.22631", "22631", "windows", SRC);

    final List<SecurityProduct> products = new ArrayList<>();
    final List<InstalledSoftware> software = new ArrayList<>();
    final List<OsPatch> patches = new ArrayList<>();
    final List<RemovableStorageDevice> usb = new ArrayList<>();
    final List<InternetConnectivity> connectivity = new ArrayList<>();

    @Nullable
    BackupStatus backup;

    Endpoints(String id) {
        this.id = id;
        products.add(av(NOW.minusSeconds(3600)));
        products.add(new SecurityProduct("Bkav EDR", SecurityProductKind.EDR, null, true, true, null, null, SRC));
        patches.add(new OsPatch("KB5046633", LocalDate.of(2026, 11, 13), "Security Update", SRC));
    }

    static Endpoints endpoint(String id) {
        return new Endpoints(id);
    }

    static SecurityProduct av(@Nullable Instant signatures) {
        return new SecurityProduct(
                "Bkav Endpoint", SecurityProductKind.ANTIVIRUS, "5.2", true, true, signatures, null, SRC);
    }

    Endpoints usb(String serial) {
        usb.add(new RemovableStorageDevice("SanDisk", "Cruzer Blade", serial, NOW.minusSeconds(86_400), NOW, SRC));
        return this;
    }

    EndpointFacts build() {
        return new EndpointFacts(
                id,
                new HostIdentity(id, null, SRC),
                zone,
                secrets,
                server,
                lastSeen == null ? null : lastSeen.minusSeconds(86_400),
                lastSeen,
                os,
                List.of(),
                software,
                products,
                patches,
                usb,
                backup,
                connectivity);
    }
}

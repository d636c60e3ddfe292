package vn.khien.app.inventory.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
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

/**
 * Truncates every instant of an endpoint's facts to microseconds, PostgreSQL's precision, so facts read back from
 * the database compare equal to the same facts imported again (idempotent imports write nothing).
 */
public final class Micros {
    private Micros() {}

    private static @Nullable Instant t(@Nullable Instant i) {
        return i == null ? null : i.truncatedTo(ChronoUnit.MICROS);
    }

    private static FactSource s(FactSource s) {
        return new FactSource(s.input(), t(s.observedAt()));
    }

    private static <T> List<T> map(List<T> in, UnaryOperator<T> f) {
        return in.stream().map(f).toList();
    }

    public static EndpointFacts of(EndpointFacts e) {
        HostIdentity id = e.identity();
        OsInfo os = e.os();
        BackupStatus b = e.backup();
        return new EndpointFacts(
                e.id(),
                id == null ? null : new HostIdentity(id.hostname(), id.uuid(), s(id.source())),
                e.zone(),
                e.handlesStateSecrets(),
                e.serverRole(),
                t(e.firstSeen()),
                t(e.lastSeen()),
                os == null ? null : new OsInfo(os.name(), os.version(), os.build(), os.platform(), s(os.source())),
                map(e.addresses(), a -> new NetworkAddress(a.interfaceName(), a.ip(), a.mac(), s(a.source()))),
                map(
                        e.software(),
                        x -> new InstalledSoftware(
                                x.name(), x.version(), x.publisher(), x.installedOn(), s(x.source()))),
                map(
                        e.securityProducts(),
                        p -> new SecurityProduct(
                                p.name(),
                                p.kind(),
                                p.version(),
                                p.running(),
                                p.enabled(),
                                t(p.signatureDate()),
                                p.signaturesUpToDate(),
                                s(p.source()))),
                map(e.patches(), p -> new OsPatch(p.id(), p.installedOn(), p.description(), s(p.source()))),
                map(
                        e.storageDevices(),
                        d -> new RemovableStorageDevice(
                                d.vendor(), d.model(), d.serial(), t(d.firstSeen()), t(d.lastSeen()), s(d.source()))),
                b == null ? null : new BackupStatus(t(b.lastSuccess()), s(b.source())),
                map(e.connectivity(), c -> new InternetConnectivity(c.reachable(), c.detail(), s(c.source()))));
    }
}

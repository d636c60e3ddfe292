package vn.khien.core.inventory;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A removable storage device (USB stick or disk) seen on an endpoint. Being seen is history: a device that is
 * unplugged stays recorded, because SECRET-USB asks where a serial has ever been.
 *
 * @param vendor e.g. {@code SanDisk}, or null
 * @param model e.g. {@code Cruzer Blade}, or null
 * @param serial the device serial number, upper-cased, never blank
 * @param firstSeen first observation on this endpoint
 * @param lastSeen last observation on this endpoint, not before {@code firstSeen}
 */
public record RemovableStorageDevice(
        @Nullable String vendor,
        @Nullable String model,
        String serial,
        Instant firstSeen,
        Instant lastSeen,
        FactSource source)
        implements EndpointFact {
    public RemovableStorageDevice {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(source, "source");
        serial = serial.strip().toUpperCase(Locale.ROOT);
        if (serial.isEmpty()) {
            throw new IllegalArgumentException("device serial must not be blank");
        }
        if (lastSeen.isBefore(firstSeen)) {
            throw new IllegalArgumentException(
                    "device " + serial + ": lastSeen " + lastSeen + " before firstSeen " + firstSeen);
        }
        vendor = Strings.blankToNull(vendor);
        model = Strings.blankToNull(model);
    }
}

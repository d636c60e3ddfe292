package vn.khien.core.inventory;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The queries of Khiên's osquery pack whose results become facts, by the name osquery logs them under. Logged
 * names may carry the pack prefix ({@code pack_khien_programs}, {@code pack/khien/programs}).
 */
enum OsqueryQuery {
    SYSTEM_INFO(FactKind.IDENTITY),
    OS_VERSION(FactKind.OS),
    SOFTWARE(FactKind.SOFTWARE),
    PATCHES(FactKind.PATCH),
    SECURITY_PRODUCTS(FactKind.SECURITY),
    USB_DEVICES(FactKind.USB),
    INTERFACES(FactKind.ADDRESS),
    CONNECTIVITY(FactKind.CONNECTIVITY),
    BACKUP(FactKind.BACKUP);

    private static final Pattern PACK_PREFIX = Pattern.compile("^pack[_/:.]khien[_/:.]");
    private static final Map<String, OsqueryQuery> BY_NAME = Map.ofEntries(
            Map.entry("system_info", SYSTEM_INFO),
            Map.entry("os_version", OS_VERSION),
            Map.entry("programs", SOFTWARE),
            Map.entry("deb_packages", SOFTWARE),
            Map.entry("rpm_packages", SOFTWARE),
            Map.entry("patches", PATCHES),
            Map.entry("windows_security_products", SECURITY_PRODUCTS),
            Map.entry("usb_devices", USB_DEVICES),
            Map.entry("usbstor", USB_DEVICES),
            Map.entry("interface_addresses", INTERFACES),
            Map.entry("connectivity", CONNECTIVITY),
            Map.entry("internet_check", CONNECTIVITY),
            Map.entry("backup_status", BACKUP));

    final FactKind kind;

    OsqueryQuery(FactKind kind) {
        this.kind = kind;
    }

    /** The query name without the pack prefix (checked by hand first: this runs once per log line). */
    static String baseName(String loggedName) {
        if (loggedName.length() > 11 && loggedName.startsWith("pack") && loggedName.startsWith("khien", 5)) {
            return PACK_PREFIX.matcher(loggedName).replaceFirst("");
        }
        return loggedName;
    }

    static Optional<OsqueryQuery> byLoggedName(String loggedName) {
        return Optional.ofNullable(BY_NAME.get(baseName(loggedName)));
    }
}

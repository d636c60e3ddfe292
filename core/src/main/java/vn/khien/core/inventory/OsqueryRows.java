package vn.khien.core.inventory;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Turns one osquery result row of a known query into a fact; a bad value throws {@link RowError} naming the column. */
final class OsqueryRows {
    private static final DateTimeFormatter US_DATE =
            DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter COMPACT_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SQL_DATETIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    /** Plausible dates: before this is a broken clock or a placeholder such as 1601-01-01. */
    private static final LocalDate EARLIEST = LocalDate.of(1995, 1, 1);

    private OsqueryRows() {}

    /** A value of a row that osquery could not fit the expected form. */
    static final class RowError extends RuntimeException {
        final String column;

        RowError(String column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }

    /** The fact this row states, or null when the row states nothing worth keeping (no serial, loopback). */
    static @Nullable EndpointFact map(OsqueryQuery query, JsonNode row, FactSource src) {
        switch (query) {
            case SYSTEM_INFO: {
                String hostname = str(row, "hostname");
                if (hostname == null) {
                    hostname = str(row, "computer_name");
                }
                String uuid = str(row, "uuid");
                if (hostname == null && uuid == null) {
                    throw new RowError("hostname", "system_info row has neither hostname nor uuid");
                }
                return new HostIdentity(hostname, uuid, src);
            }
            case OS_VERSION: {
                String name = require(row, "name");
                String version = str(row, "version");
                if (version == null && str(row, "major") != null) {
                    version = str(row, "major") + "." + orZero(str(row, "minor")) + "." + orZero(str(row, "patch"));
                }
                return new OsInfo(name, version, str(row, "build"), str(row, "platform"), src);
            }
            case SOFTWARE: {
                String publisher = str(row, "publisher");
                if (publisher == null) {
                    publisher = str(row, "vendor");
                }
                if (publisher == null) {
                    publisher = str(row, "maintainer");
                }
                LocalDate installed = null;
                String installDate = str(row, "install_date");
                if (installDate != null) {
                    installed = date(installDate, "install_date");
                } else {
                    String installTime = str(row, "install_time");
                    if (installTime != null && !"0".equals(installTime)) {
                        installed = epoch(installTime, "install_time")
                                .atOffset(ZoneOffset.UTC)
                                .toLocalDate();
                    }
                }
                return new InstalledSoftware(require(row, "name"), str(row, "version"), publisher, installed, src);
            }
            case PATCHES: {
                String installedOn = str(row, "installed_on");
                LocalDate date = installedOn == null ? null : date(installedOn, "installed_on");
                String description = str(row, "description");
                if (description == null) {
                    description = str(row, "caption");
                }
                return new OsPatch(require(row, "hotfix_id"), date, description, src);
            }
            case SECURITY_PRODUCTS: {
                String type = require(row, "type");
                SecurityProductKind kind = SecurityProductKind.parse(type)
                        .orElseThrow(() -> new RowError("type", "unknown security product type '" + type + "'"));
                String state = str(row, "state");
                Boolean running = null;
                Boolean enabled = null;
                if (state != null) {
                    switch (state.toLowerCase(Locale.ROOT)) {
                        case "on" -> {
                            running = true;
                            enabled = true;
                        }
                        case "off" -> {
                            running = false;
                            enabled = false;
                        }
                        case "snoozed" -> {
                            running = false;
                            enabled = true;
                        }
                        case "expired" -> {
                            running = false;
                            enabled = false;
                        }
                        case "unknown" -> {}
                        default -> throw new RowError("state", "unknown state '" + state + "'");
                    }
                }
                Boolean upToDate = bool(row, "signatures_up_to_date");
                return new SecurityProduct(
                        require(row, "name"), kind, str(row, "version"), running, enabled, null, upToDate, src);
            }
            case USB_DEVICES:
                return usb(row, src);
            case INTERFACES: {
                String ip = str(row, "address");
                if (ip != null) {
                    int pct = ip.indexOf('%');
                    if (pct > 0) {
                        ip = ip.substring(0, pct);
                    }
                    if (!Strings.looksLikeIp(ip)) {
                        throw new RowError("address", "not an IP address: '" + ip + "'");
                    }
                    if (ip.startsWith("127.") || ip.equals("::1")) {
                        return null;
                    }
                }
                String mac = str(row, "mac");
                if (mac != null && ("00:00:00:00:00:00".equals(mac) || mac.isEmpty())) {
                    mac = null;
                }
                if (ip == null && mac == null) {
                    return null;
                }
                try {
                    return new NetworkAddress(str(row, "interface"), ip, mac, src);
                } catch (IllegalArgumentException e) {
                    throw new RowError("mac", e.getMessage());
                }
            }
            case CONNECTIVITY: {
                Boolean v4 = bool(row, "ipv4_internet");
                Boolean v6 = bool(row, "ipv6_internet");
                if (v4 != null || v6 != null) {
                    boolean reachable = Boolean.TRUE.equals(v4) || Boolean.TRUE.equals(v6);
                    return new InternetConnectivity(
                            reachable, "connectivity ipv4_internet=" + v4 + " ipv6_internet=" + v6, src);
                }
                String code = str(row, "response_code");
                if (code != null) {
                    int c;
                    try {
                        c = Integer.parseInt(code);
                    } catch (NumberFormatException e) {
                        throw new RowError("response_code", "not a number: '" + code + "'");
                    }
                    String url = str(row, "url");
                    return new InternetConnectivity(c > 0, "curl " + (url == null ? "" : url) + " -> " + c, src);
                }
                throw new RowError("ipv4_internet", "connectivity row has neither ipv4_internet nor response_code");
            }
            case BACKUP: {
                String iso = str(row, "last_success");
                if (iso != null) {
                    return new BackupStatus(instant(iso, "last_success"), src);
                }
                String unix = str(row, "last_success_unix");
                if (unix != null && !"0".equals(unix)) {
                    return new BackupStatus(epoch(unix, "last_success_unix"), src);
                }
                return null;
            }
            default:
                throw new IllegalStateException("unmapped query " + query);
        }
    }

    /**
     * A storage device from {@code usb_devices} (vendor, model, serial columns) or from the Windows {@code USBSTOR}
     * registry key ({@code ...\USBSTOR\Disk&Ven_SanDisk&Prod_Cruzer_Blade&Rev_1.00\4C5300012305&0}).
     */
    private static @Nullable RemovableStorageDevice usb(JsonNode row, FactSource src) {
        Instant t = src.observedAt();
        String serial = str(row, "serial");
        if (serial != null) {
            return new RemovableStorageDevice(str(row, "vendor"), str(row, "model"), serial, t, t, src);
        }
        String path = str(row, "path");
        if (path == null) {
            path = str(row, "key");
        }
        if (path == null) {
            throw new RowError("serial", "USB row has neither serial nor registry path");
        }
        int at = path.toUpperCase(Locale.ROOT).indexOf("\\USBSTOR\\");
        if (at < 0) {
            throw new RowError("path", "not a USBSTOR registry path: '" + path + "'");
        }
        String[] parts = path.substring(at + 9).split("\\\\");
        if (parts.length < 2 || parts[1].isBlank()) {
            return null;
        }
        String vendor = null;
        String model = null;
        for (String p : parts[0].split("&")) {
            if (p.startsWith("Ven_")) {
                vendor = p.substring(4).replace('_', ' ');
            } else if (p.startsWith("Prod_")) {
                model = p.substring(5).replace('_', ' ');
            }
        }
        String instance = parts[1];
        // Windows makes up an instance id such as 7&2a3b4c5d&0 when the device has no serial: not trackable
        if (instance.length() > 1 && instance.charAt(1) == '&') {
            return null;
        }
        int amp = instance.lastIndexOf('&');
        String s = amp > 0 ? instance.substring(0, amp) : instance;
        return new RemovableStorageDevice(vendor, model, s, t, t, src);
    }

    static @Nullable String str(JsonNode row, String column) {
        JsonNode v = row.get(column);
        if (v == null || v.isNull() || v.isContainer()) {
            return null;
        }
        String s = v.asString().strip();
        return s.isEmpty() ? null : s;
    }

    private static String require(JsonNode row, String column) {
        String s = str(row, column);
        if (s == null) {
            throw new RowError(column, "missing value for column '" + column + "'");
        }
        return s;
    }

    private static String orZero(@Nullable String s) {
        return s == null ? "0" : s;
    }

    private static @Nullable Boolean bool(JsonNode row, String column) {
        String s = str(row, column);
        if (s == null) {
            return null;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes" -> true;
            case "0", "false", "no" -> false;
            default -> throw new RowError(column, "not a boolean: '" + s + "'");
        };
    }

    /** Dates as Windows and osquery write them: {@code 6/14/2023}, {@code 2023-06-14}, {@code 20230614}. */
    static LocalDate date(String text, String column) {
        String s = text.strip();
        int space = s.indexOf(' ');
        if (space > 0) {
            s = s.substring(0, space);
        }
        LocalDate d;
        try {
            if (s.indexOf('/') > 0) {
                d = LocalDate.parse(s, US_DATE);
            } else if (s.indexOf('-') > 0) {
                d = LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
            } else {
                d = LocalDate.parse(s, COMPACT_DATE);
            }
        } catch (DateTimeParseException e) {
            throw new RowError(column, "wrong date '" + text + "'");
        }
        if (d.isBefore(EARLIEST)) {
            throw new RowError(column, "implausible date '" + text + "'");
        }
        return d;
    }

    static Instant epoch(String text, String column) {
        try {
            long v = Long.parseLong(text.strip());
            if (v <= 0 || v > 32_503_680_000L) {
                throw new RowError(column, "wrong time '" + text + "'");
            }
            return Instant.ofEpochSecond(v);
        } catch (NumberFormatException e) {
            throw new RowError(column, "wrong time '" + text + "'");
        }
    }

    /** ISO-8601 instants ({@code 2026-11-20T01:02:03.1234567Z}, with offset) or {@code 2026-11-20 01:02:03} in UTC. */
    static Instant instant(String text, String column) {
        String s = text.strip();
        try {
            if (s.endsWith("Z") || s.lastIndexOf('+') > 10 || s.lastIndexOf('-') > 10) {
                return OffsetDateTime.parse(s.replace(' ', 'T')).toInstant();
            }
            if (s.indexOf('T') > 0) {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            }
            return LocalDateTime.parse(s, SQL_DATETIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new RowError(column, "wrong date '" + text + "'");
        }
    }
}

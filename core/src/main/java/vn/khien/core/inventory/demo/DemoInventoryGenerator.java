package vn.khien.core.inventory.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import vn.khien.core.inventory.Zone;

/**
 * Writes demo inputs for N endpoints across units: one osquery result log (JSON lines, as Khiên's pack logs them)
 * and one CSV per antivirus console (Bkav Endpoint with Vietnamese headers, Kaspersky Security Center), with the
 * gaps a real province shows: no EDR in some communes, stale signatures, old patches, one state-secret machine that
 * reaches the Internet and one USB serial crossing from a secret machine to a CPNet machine. The same seed, units,
 * count and {@code now} give byte-identical output.
 */
public final class DemoInventoryGenerator {
    /** Profile id of the Bkav console CSV. */
    public static final String BKAV = "bkav-endpoint";
    /** Profile id of the Kaspersky Security Center CSV. */
    public static final String KASPERSKY = "kaspersky-security-center";

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter BKAV_TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(VN);
    private static final DateTimeFormatter KSC_TIME =
            DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.ENGLISH).withZone(VN);
    private static final DateTimeFormatter PATCH_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");
    private static final String USBSTOR = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Enum\\USBSTOR\\";

    private static final String[][] SOFTWARE = {
        {"Microsoft Office Professional Plus 2019", "16.0.10827.20181", "Microsoft Corporation"},
        {"Google Chrome", "131.0.6778.86", "Google LLC"},
        {"Mozilla Firefox (x64 vi)", "132.0.2", "Mozilla"},
        {"Microsoft Edge", "131.0.2903.70", "Microsoft Corporation"},
        {"Unikey 4.3 RC5", "4.3", "Pham Kim Long"},
        {"EVKey", "3.3.6", "lamquangminh"},
        {"Foxit PDF Reader", "2024.3.0.26795", "Foxit Software Inc."},
        {"Adobe Acrobat Reader DC", "24.004.20272", "Adobe Inc."},
        {"7-Zip 23.01 (x64)", "23.01", "Igor Pavlov"},
        {"WinRAR 6.24 (64-bit)", "6.24.0", "win.rar GmbH"},
        {"Zalo", "24.11.1", "VNG Corporation"},
        {"VNPT-CA Plugin", "1.0.4.2", "VNPT"},
        {"Viettel-CA Token Manager", "2.1.0", "Viettel"},
        {"vnpt-ioffice Desktop", "3.2.1", "VNPT"},
        {"Phần mềm Kê khai thuế HTKK", "5.2.6", "Tổng cục Thuế"},
        {"iTaxViewer", "2.3.4", "Tổng cục Thuế"},
        {"Microsoft Visual C++ 2015-2022 Redistributable (x64)", "14.40.33810", "Microsoft Corporation"},
        {"Microsoft Visual C++ 2015-2022 Redistributable (x86)", "14.40.33810", "Microsoft Corporation"},
        {"Microsoft .NET Framework 4.8.1", "4.8.09032", "Microsoft Corporation"},
        {"Microsoft Teams", "24295.605.3225.8804", "Microsoft Corporation"},
        {"Zoom Workplace", "6.2.11", "Zoom Video Communications, Inc."},
        {"UltraViewer", "6.6.108", "DucFabulous"},
        {"TeamViewer", "15.59.3", "TeamViewer"},
        {"Notepad++ (64-bit x64)", "8.7.1", "Notepad++ Team"},
        {"VLC media player", "3.0.21", "VideoLAN"},
        {"K-Lite Codec Pack", "18.6.0", "KLCP"},
        {"Java 8 Update 431", "8.0.4310.10", "Oracle Corporation"},
        {"Microsoft OneDrive", "24.216.1027.0003", "Microsoft Corporation"},
        {"Microsoft Update Health Tools", "5.72.0.0", "Microsoft Corporation"},
        {"Intel(R) Graphics Driver", "31.0.101.4953", "Intel Corporation"},
        {"Realtek High Definition Audio Driver", "6.0.9239.1", "Realtek Semiconductor Corp."},
        {"Canon LBP2900", "1.0", "Canon Inc."},
        {"HP LaserJet Pro MFP M127-M128", "15.0", "HP Inc."},
        {"Brother MFL-Pro Suite", "1.0.5.0", "Brother Industries, Ltd."},
        {"Microsoft Office 365 - vi-vn", "16.0.18129.20116", "Microsoft Corporation"},
        {"Cốc Cốc", "131.0.6778.214", "Cốc Cốc Company Limited"},
        {"AnyDesk", "8.1.0", "AnyDesk Software GmbH"},
        {"Python 3.12.7 (64-bit)", "3.12.7150.0", "Python Software Foundation"},
        {"Git", "2.47.0", "The Git Development Community"},
        {"Microsoft SQL Server Management Studio - 20.2", "20.2.30.0", "Microsoft Corporation"},
        {"Font Times New Roman VN", "1.0", "Bộ Nội vụ"},
        {"Phần mềm Quản lý văn bản và điều hành", "4.1", "Sở Khoa học và Công nghệ"},
        {"MISA Mimosa.NET 2024", "R9", "MISA JSC"},
        {"Phần mềm Kế toán HCSN", "2024.1", "MISA JSC"},
        {"Java Auto Updater", "2.8.431.10", "Oracle Corporation"},
        {"Lenovo Vantage Service", "4.3.47.0", "Lenovo Group Ltd."},
        {"Dell SupportAssist", "4.4.2.39028", "Dell Inc."},
        {"Windows PC Health Check", "3.6.2204.08001", "Microsoft Corporation"},
        {"Microsoft Windows Desktop Runtime - 8.0.10 (x64)", "8.0.10.34118", "Microsoft Corporation"},
        {"Kyocera Print Driver", "7.1.2", "KYOCERA Document Solutions Inc."},
        {"Greenshot 1.2.10.6", "1.2.10.6", "Greenshot"},
        {"Skype version 8.130", "8.130", "Skype Technologies S.A."},
    };
    private static final String[][] USB_MODELS = {
        {"SanDisk", "Cruzer_Blade", "1.00"},
        {"Kingston", "DataTraveler_3.0", "PMAP"},
        {"JetFlash", "Transcend_32GB", "1100"},
        {"Generic", "Flash_Disk", "8.07"},
    };

    private final long seed;
    private final Instant now;

    /**
     * A generator for a seed and the moment the demo pretends it is.
     *
     * @param now observations are placed in the hours before this instant
     */
    public DemoInventoryGenerator(long seed, Instant now) {
        this.seed = seed;
        this.now = Objects.requireNonNull(now, "now");
    }

    private record Plan(
            DemoEndpoint endpoint,
            int unitIndex,
            boolean edr,
            boolean staleAv,
            boolean oldPatch,
            boolean internet,
            String osName,
            String osVersion,
            String osBuild,
            List<String> usbPaths,
            Instant seen,
            long uuidLow) {}

    /**
     * Writes the inputs and returns what was planted.
     *
     * @param endpoints number of endpoints, at least 4 (two secret machines, a CPNet machine and one more)
     * @throws UncheckedIOException when a writer fails
     */
    public DemoManifest generate(
            List<DemoUnit> units, int endpoints, Writer osqueryLog, Writer bkavCsv, Writer kasperskyCsv) {
        if (units.isEmpty()) {
            throw new IllegalArgumentException("the demo needs at least one unit");
        }
        if (endpoints < 4) {
            throw new IllegalArgumentException("the demo needs at least 4 endpoints, was " + endpoints);
        }
        Random rnd = new Random(seed);
        int[] perUnit = new int[units.size()];
        List<Plan> plans = new ArrayList<>(endpoints);
        Set<Integer> secretIdx = new HashSet<>();
        for (int i = 0; i < endpoints; i++) {
            int u = i % units.size();
            DemoUnit unit = units.get(u);
            int k = perUnit[u]++;
            boolean server = !unit.commune() && k == 0;
            boolean secret = !server && secretIdx.size() < 2 && i >= units.size();
            if (secret) {
                secretIdx.add(i);
            }
            Zone zone = secret
                    ? Zone.ISOLATED_LAN
                    : server || unit.commune() ? Zone.CPNET : rnd.nextInt(10) < 7 ? Zone.CPNET : Zone.INTERNET;
            String hostname =
                    unit.code().toUpperCase(Locale.ROOT) + (server ? "-SRV" : "-PC") + String.format("%03d", k + 1);
            UUID uuid = new UUID(rnd.nextLong(), rnd.nextLong());
            String console = u % 2 == 0 ? BKAV : KASPERSKY;
            boolean noEdrUnit = unit.commune() && u % 3 == 0;
            boolean edr = !(noEdrUnit && zone == Zone.CPNET);
            boolean staleAv = rnd.nextInt(100) < 5;
            boolean oldPatch = rnd.nextInt(100) < 8;
            String osName;
            String osVersion;
            String osBuild;
            if (server) {
                osName = "Microsoft Windows Server 2019 Standard";
                osVersion = "10.0.17763";
                osBuild = "17763";
            } else if (rnd.nextInt(4) == 0) {
                osName = "Microsoft Windows 10 Pro";
                osVersion = "10.0.19045";
                osBuild = "19045";
            } else {
                osName = "Microsoft Windows 11 Pro";
                osVersion = "10.0.22631";
                osBuild = "22631";
            }
            List<String> usb = new ArrayList<>();
            if (rnd.nextInt(5) == 0) {
                usb.add(usbPath(rnd, randomSerial(rnd)));
            }
            Instant seen = now.minus(rnd.nextInt(6 * 60), ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
            DemoEndpoint ep = new DemoEndpoint(
                    uuid.toString().toUpperCase(Locale.ROOT),
                    hostname,
                    unit.code(),
                    ip(unit.ipRange(), k),
                    zone,
                    secret,
                    server,
                    console);
            plans.add(new Plan(
                    ep,
                    u,
                    edr,
                    staleAv,
                    oldPatch,
                    false,
                    osName,
                    osVersion,
                    osBuild,
                    usb,
                    seen,
                    uuid.getLeastSignificantBits()));
        }
        List<Integer> secrets = new ArrayList<>(secretIdx);
        secrets.sort(Integer::compare);
        if (secrets.size() < 2) {
            throw new IllegalArgumentException("the demo needs more endpoints than units to place two secret machines");
        }
        Plan internetSecret = plans.get(secrets.get(0));
        plans.set(secrets.get(0), withInternet(internetSecret));
        Plan usbSecret = plans.get(secrets.get(1));
        Plan usbNetworked = null;
        for (Plan p : plans) {
            if (p.endpoint().zone() == Zone.CPNET
                    && !p.endpoint().server()
                    && !p.endpoint().unitCode().equals(usbSecret.endpoint().unitCode())) {
                usbNetworked = p;
                break;
            }
        }
        if (usbNetworked == null) {
            throw new IllegalArgumentException("the demo needs a CPNet workstation in a second unit");
        }
        String serial = "4C530001" + String.format("%012d", Math.abs(seed % 1_000_000_000_000L));
        usbSecret.usbPaths().add(usbPath(rnd, serial));
        usbNetworked.usbPaths().add(usbPath(rnd, serial));

        Set<String> missingEdr = new HashSet<>();
        Set<String> stale = new HashSet<>();
        Set<String> oldPatches = new HashSet<>();
        long lines = 0;
        try {
            bkavCsv.write("STT,Tên máy,Địa chỉ IP,Địa chỉ MAC,Hệ điều hành,Nhóm,Phiên bản,Ngày cập nhật mẫu,"
                    + "Trạng thái cập nhật,Bảo vệ thời gian thực,Bkav EDR,Kết nối lần cuối\r\n");
            kasperskyCsv.write("Device,Windows domain,Group,IP address,Operating system,Status,Real-time protection,"
                    + "Application,Application version,Anti-virus databases released,Last visible\r\n");
            int bkavRow = 0;
            for (Plan p : plans) {
                DemoEndpoint e = p.endpoint();
                if (!p.edr()) {
                    missingEdr.add(e.hostname());
                }
                if (p.staleAv()) {
                    stale.add(e.hostname());
                }
                if (p.oldPatch()) {
                    oldPatches.add(e.hostname());
                }
                lines += writeOsquery(osqueryLog, p, units.get(p.unitIndex()));
                Instant sig =
                        p.staleAv() ? now.minus(9, ChronoUnit.DAYS) : p.seen().minus(5, ChronoUnit.HOURS);
                String mac = mac(p.uuidLow());
                if (BKAV.equals(e.console())) {
                    bkavCsv.write(csv(
                            String.valueOf(++bkavRow),
                            e.hostname(),
                            e.ip(),
                            mac.toUpperCase(Locale.ROOT).replace(':', '-'),
                            p.osName(),
                            units.get(p.unitIndex()).name(),
                            "5.2.1.32",
                            BKAV_TIME.format(sig),
                            p.staleAv() ? "Chưa cập nhật" : "Đã cập nhật",
                            "Đang bật",
                            p.edr() ? "Đang hoạt động" : "Chưa cài đặt",
                            BKAV_TIME.format(p.seen())));
                } else {
                    kasperskyCsv.write(csv(
                            e.hostname(),
                            "TINH",
                            "Managed devices/" + units.get(p.unitIndex()).name(),
                            e.ip(),
                            p.osName(),
                            p.staleAv() ? "Warning" : "OK",
                            "Running",
                            "Kaspersky Endpoint Security for Windows",
                            "12.6.0.438",
                            KSC_TIME.format(sig),
                            KSC_TIME.format(p.seen())));
                }
            }
            osqueryLog.flush();
            bkavCsv.flush();
            kasperskyCsv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<DemoEndpoint> out = plans.stream().map(Plan::endpoint).toList();
        return new DemoManifest(
                out,
                lines,
                missingEdr,
                stale,
                oldPatches,
                internetSecret.endpoint().hostname(),
                serial,
                usbSecret.endpoint().hostname(),
                usbNetworked.endpoint().hostname());
    }

    private static Plan withInternet(Plan p) {
        return new Plan(
                p.endpoint(),
                p.unitIndex(),
                p.edr(),
                p.staleAv(),
                p.oldPatch(),
                true,
                p.osName(),
                p.osVersion(),
                p.osBuild(),
                p.usbPaths(),
                p.seen(),
                p.uuidLow());
    }

    private long writeOsquery(Writer w, Plan p, DemoUnit unit) throws IOException {
        DemoEndpoint e = p.endpoint();
        Random rnd = new Random(seed ^ p.uuidLow());
        long t = p.seen().getEpochSecond();
        long lines = 0;
        String head = "\"hostIdentifier\":\"" + e.hostIdentifier() + "\",\"decorations\":{\"host_uuid\":\""
                + e.hostIdentifier() + "\",\"hostname\":\"" + json(e.hostname()) + "\"},\"epoch\":0,\"counter\":0,"
                + "\"numerics\":false,\"unixTime\":" + t + ",\"calendarTime\":\"" + calendar(p.seen()) + "\"";
        lines += snapshot(
                w,
                "system_info",
                head,
                List.of(row(
                        "hostname",
                        e.hostname(),
                        "uuid",
                        e.hostIdentifier(),
                        "computer_name",
                        e.hostname(),
                        "hardware_vendor",
                        "Dell Inc.",
                        "hardware_model",
                        "OptiPlex 7090")));
        lines += snapshot(
                w,
                "os_version",
                head,
                List.of(row(
                        "name", p.osName(), "version", p.osVersion(), "build", p.osBuild(), "platform", "windows")));
        // programs is differential in the pack: the first run logs every row as "added", one line each
        List<String[]> software = new ArrayList<>();
        int count = 44 + rnd.nextInt(10);
        int start = rnd.nextInt(SOFTWARE.length);
        for (int i = 0; i < count && i < SOFTWARE.length; i++) {
            software.add(SOFTWARE[(start + i) % SOFTWARE.length]);
        }
        boolean bkav = BKAV.equals(e.console());
        software.add(
                bkav
                        ? new String[] {"Bkav Endpoint", "5.2.1.32", "Bkav Corporation"}
                        : new String[] {"Kaspersky Endpoint Security for Windows", "12.6.0.438", "AO Kaspersky Lab"});
        if (p.edr()) {
            software.add(
                    bkav
                            ? new String[] {"Bkav EDR Agent", "2.1.0.17", "Bkav Corporation"}
                            : new String[] {
                                "Kaspersky Endpoint Detection and Response Optimum", "2.4.0.1", "AO Kaspersky Lab"
                            });
        }
        LocalDate today = LocalDate.ofInstant(now, VN);
        for (String[] s : software) {
            String installed = today.minusDays(30 + rnd.nextInt(700)).format(DateTimeFormatter.BASIC_ISO_DATE);
            w.write("{\"name\":\"pack_khien_programs\",\"action\":\"added\",\"columns\":"
                    + row("name", s[0], "version", s[1], "publisher", s[2], "install_date", installed) + "," + head
                    + "}\n");
            lines++;
        }
        List<String> patches = new ArrayList<>();
        LocalDate newest = p.oldPatch() ? today.minusDays(80 + rnd.nextInt(60)) : today.minusDays(2 + rnd.nextInt(20));
        for (int i = 0; i < 6; i++) {
            LocalDate d = newest.minusDays(31L * i);
            patches.add(row(
                    "hotfix_id",
                    "KB50" + (44000 + rnd.nextInt(5000)),
                    "description",
                    i % 3 == 0 ? "Security Update" : "Update",
                    "installed_on",
                    d.format(PATCH_DATE)));
        }
        lines += snapshot(w, "patches", head, patches);
        String av = bkav ? "Bkav Endpoint" : "Kaspersky Endpoint Security for Windows";
        lines += snapshot(
                w,
                "windows_security_products",
                head,
                List.of(
                        row(
                                "type",
                                "Antivirus",
                                "name",
                                av,
                                "state",
                                "On",
                                "signatures_up_to_date",
                                p.staleAv() ? "0" : "1"),
                        row(
                                "type",
                                "Firewall",
                                "name",
                                "Windows Firewall",
                                "state",
                                "On",
                                "signatures_up_to_date",
                                "")));
        if (!p.usbPaths().isEmpty()) {
            List<String> rows = new ArrayList<>();
            for (String path : p.usbPaths()) {
                rows.add(row("path", path));
            }
            lines += snapshot(w, "usbstor", head, rows);
        }
        lines += snapshot(
                w,
                "interface_addresses",
                head,
                List.of(row("interface", "Ethernet0", "address", e.ip(), "mac", mac(p.uuidLow()))));
        boolean internet = p.internet() || e.zone() == Zone.INTERNET;
        lines += snapshot(
                w, "connectivity", head, List.of(row("ipv4_internet", internet ? "1" : "0", "ipv6_internet", "0")));
        if (e.server()) {
            Instant backup = now.minus(20 + rnd.nextInt(10), ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
            lines += snapshot(w, "backup_status", head, List.of(row("last_success", backup.toString())));
        }
        return lines;
    }

    private static int snapshot(Writer w, String query, String head, List<String> rows) throws IOException {
        w.write("{\"name\":\"pack_khien_" + query + "\",\"action\":\"snapshot\",\"snapshot\":[" + String.join(",", rows)
                + "]," + head + "}\n");
        return 1;
    }

    private static String row(String... kv) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < kv.length; i += 2) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(kv[i]).append("\":\"").append(json(kv[i + 1])).append('"');
        }
        return sb.append('}').toString();
    }

    private static String json(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                if (c == '"' || c == '\\') {
                    sb.append('\\').append(c);
                } else {
                    sb.append(String.format("\\u%04x", (int) c));
                }
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static String csv(String... fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = fields[i];
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        return sb.append("\r\n").toString();
    }

    private static String calendar(Instant t) {
        return DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy 'UTC'", Locale.ENGLISH)
                .withZone(ZoneId.of("UTC"))
                .format(t);
    }

    private static String usbPath(Random rnd, String serial) {
        String[] m = USB_MODELS[rnd.nextInt(USB_MODELS.length)];
        return USBSTOR + "Disk&Ven_" + m[0] + "&Prod_" + m[1] + "&Rev_" + m[2] + "\\" + serial + "&0";
    }

    private static String randomSerial(Random rnd) {
        return String.format("%016X", rnd.nextLong()).substring(0, 16);
    }

    private static String mac(long bits) {
        StringBuilder sb = new StringBuilder("00:50:56");
        for (int i = 0; i < 3; i++) {
            sb.append(':').append(String.format("%02x", (bits >>> (8 * i)) & 0xff));
        }
        return sb.toString();
    }

    /** The k-th host address of an IPv4 CIDR range, skipping the network address and wrapping within the range. */
    static String ip(String cidr, int k) {
        String[] parts = cidr.split("/");
        String[] o = parts[0].split("\\.");
        long base = (Long.parseLong(o[0]) << 24)
                | (Long.parseLong(o[1]) << 16)
                | (Long.parseLong(o[2]) << 8)
                | Long.parseLong(o[3]);
        int prefix = Integer.parseInt(parts[1]);
        long size = 1L << (32 - prefix);
        base &= ~(size - 1);
        long host = base + 10 + (k % (size - 12));
        return ((host >> 24) & 255) + "." + ((host >> 16) & 255) + "." + ((host >> 8) & 255) + "." + (host & 255);
    }
}

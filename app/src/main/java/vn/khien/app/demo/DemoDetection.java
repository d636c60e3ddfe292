package vn.khien.app.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.khien.app.detection.DetectionService;
import vn.khien.app.detection.IngestResult;
import vn.khien.app.intel.IndicatorImportResult;
import vn.khien.app.intel.IntelService;
import vn.khien.app.platform.UnitScope;

/**
 * Demo threat intelligence and detection: imports a small fictional STIX 2.1 bundle through the indicator
 * importer, then generates a dnsmasq {@code log-queries} log of the demo units' networks (mostly ordinary
 * names, a few machines resolving C&C subdomains, one using free webmail) and feeds it through the log
 * ingestion, which raises a handful of alerts.
 */
@Component
class DemoDetection implements DemoStep {
    private static final String[] BENIGN = {
        "dichvucong.gov.vn", "www.google.com", "vnexpress.net", "zalo.me", "update.microsoft.com",
        "www.demo.gov.vn", "thuvienphapluat.vn", "ocsp.digicert.com", "tuoitre.vn", "api.zalo.me"
    };

    /** Machine, name: the hits the demo shows (Bình An and Hòa Phú communes, the Finance department). */
    private static final String[][] HITS = {
        {"10.20.4.57", "update.cap-nhat-phan-mem.test"},
        {"10.20.4.57", "cdn2.cap-nhat-phan-mem.test"},
        {"10.20.5.23", "x1.dem-botnet.test"},
        {"10.11.4.31", "dang-nhap-dichvucong.test"},
        {"10.20.4.80", "mail.google.com"}
    };

    private final IntelService intel;
    private final DetectionService detection;

    DemoDetection(IntelService intel, DetectionService detection) {
        this.intel = intel;
        this.detection = detection;
    }

    @Override
    public String name() {
        return "detection";
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public String load() {
        try {
            Path bundle = Files.createTempFile("khien-demo-intel", ".json");
            try (InputStream in = new ClassPathResource("demo/intel/c2-demo-bundle.json").getInputStream()) {
                Files.copy(in, bundle, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            IndicatorImportResult imported;
            try {
                imported = intel.importFile("Demo APT feed (hư cấu)", bundle);
            } finally {
                Files.deleteIfExists(bundle);
            }
            IngestResult ingested = detection.ingest(
                    UnitScope.province(),
                    "dns-tinh (demo)",
                    "UPLOAD",
                    "dnsmasq",
                    new ByteArrayInputStream(dnsmasqLog()));
            return imported.inserted() + " indicators, " + ingested.lines() + " log lines, " + ingested.alertsCreated()
                    + " alerts";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** About two thousand dnsmasq query lines over the last morning; deterministic. */
    static byte[] dnsmasqLog() {
        Random r = new Random(42);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH);
        LocalDateTime t = LocalDateTime.now().minusHours(6).withNano(0);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            t = t.plusSeconds(r.nextInt(10));
            String client;
            String name;
            if (i % 150 == 75) {
                String[] hit = HITS[(i / 150) % HITS.length];
                client = hit[0];
                name = hit[1];
            } else {
                int net = r.nextInt(13) + 1;
                client = "10.20." + net + "." + (r.nextInt(200) + 10);
                name = BENIGN[r.nextInt(BENIGN.length)];
            }
            String stamp = f.format(t);
            sb.append(stamp)
                    .append(" dnsmasq[812]: query[A] ")
                    .append(name)
                    .append(" from ")
                    .append(client)
                    .append('\n');
            if (r.nextInt(3) == 0) {
                sb.append(stamp)
                        .append(" dnsmasq[812]: forwarded ")
                        .append(name)
                        .append(" to 10.10.0.1\n");
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}

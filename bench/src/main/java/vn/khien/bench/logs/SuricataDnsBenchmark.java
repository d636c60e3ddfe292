package vn.khien.bench.logs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import vn.khien.core.ingest.ImportReport;
import vn.khien.core.logs.LogEvent;
import vn.khien.core.logs.LogFormat;
import vn.khien.core.logs.LogParsers;

/**
 * Measures Suricata eve.json DNS parsing: Khiên's parser (byte-scanner fast path) against a Jackson 3
 * streaming reference extracting the same fields, on one thread, over a generated eve.json of DNS events in
 * the Suricata 7 layout (queries and answers with A/AAAA/CNAME records, some names with escapes). Prints
 * lines per second per run (wall clock, and per second of this thread's CPU time, which a shared machine
 * disturbs less) and the median ratios. Before timing, one untimed pass of each side folds every field of
 * every event, in order, into a checksum; the run stops unless both sides agree exactly.
 *
 * <p>Run: {@code java -Xmx4g -cp bench/target/benchmarks.jar vn.khien.bench.logs.SuricataDnsBenchmark
 * [lines] [runs]}.
 */
public final class SuricataDnsBenchmark {
    private SuricataDnsBenchmark() {}

    public static void main(String[] args) throws IOException {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        byte[] data = generate(lines, new Random(42));
        System.out.printf("eve.json: %,d DNS lines, %,d bytes%n", lines, data.length);
        long[] khienEvents = new long[1];
        long[] refEvents = new long[1];
        JacksonEveDnsReference reference = new JacksonEveDnsReference();
        double[] fast = new double[runs];
        double[] ref = new double[runs];
        double[] fastCpu = new double[runs];
        double[] refCpu = new double[runs];
        for (int warm = 0; warm < 3; warm++) {
            runKhien(data, khienEvents);
            reference.parse(data, e -> refEvents[0]++);
        }
        long[] khienSum = {0, 0};
        long[] refSum = {0, 0};
        LogParsers.forFormat(LogFormat.SURICATA).parse(new ByteArrayInputStream(data), e -> fold(khienSum, e));
        reference.parse(data, e -> fold(refSum, e));
        if (!Arrays.equals(khienSum, refSum)) {
            throw new IllegalStateException("parsers disagree: events/checksum " + Arrays.toString(khienSum) + " vs "
                    + Arrays.toString(refSum));
        }
        System.out.printf("both sides: %,d events, checksum of all fields %016x%n", khienSum[0], khienSum[1]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < runs; r++) {
            khienEvents[0] = 0;
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            ImportReport report = runKhien(data, khienEvents);
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            refEvents[0] = 0;
            long read = reference.parse(data, e -> refEvents[0]++);
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            fast[r] = report.read() / ((t1 - t0) / 1e9);
            ref[r] = read / ((t2 - t1) / 1e9);
            fastCpu[r] = report.read() / ((c1 - c0) / 1e9);
            refCpu[r] = read / ((c2 - c1) / 1e9);
            if (khienEvents[0] != refEvents[0] || report.rejected() != 0) {
                throw new IllegalStateException(
                        "parsers disagree: " + khienEvents[0] + " vs " + refEvents[0] + " events, " + report.summary());
            }
            System.out.printf(
                    "run %d: khien %,.0f lines/s (%,.0f per CPU s), jackson-streaming %,.0f lines/s (%,.0f per CPU s)%n",
                    r + 1, fast[r], fastCpu[r], ref[r], refCpu[r]);
        }
        double f = median(fast);
        double j = median(ref);
        double fc = median(fastCpu);
        double jc = median(refCpu);
        System.out.printf("median: khien %,.0f lines/s, jackson-streaming %,.0f lines/s, ratio %.2fx%n", f, j, f / j);
        System.out.printf(
                "median per CPU second: khien %,.0f lines, jackson-streaming %,.0f lines, ratio %.2fx%n",
                fc, jc, fc / jc);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * Counts the event and folds all its fields, in order, into the running checksum {@code sum[1]}; the kind
     * by ordinal, so the checksum is the same in every JVM and can be compared between builds.
     */
    private static void fold(long[] sum, LogEvent e) {
        sum[0]++;
        int h = Objects.hash(
                e.line(),
                e.time(),
                e.kind().ordinal(),
                e.sourceIp(),
                e.domain(),
                e.destinationIp(),
                e.destinationPort(),
                e.url(),
                e.fileHash(),
                e.raw());
        sum[1] = sum[1] * 1_000_003L + h;
    }

    private static ImportReport runKhien(byte[] data, long[] events) throws IOException {
        return LogParsers.forFormat(LogFormat.SURICATA).parse(new ByteArrayInputStream(data), e -> events[0]++);
    }

    /** Suricata 7 eve.json DNS lines: alternating queries and answers, 1 in 50 names with escapes. */
    static byte[] generate(int lines, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(lines * 420);
        String[] tlds = {"vn", "com", "net", "org", "com.vn", "gov.vn"};
        for (int i = 0; i < lines; i++) {
            int client = random.nextInt(250) + 1;
            int sport = 1024 + random.nextInt(60000);
            String name = "h" + random.nextInt(1_000_000) + ".example" + random.nextInt(5000) + "."
                    + tlds[random.nextInt(tlds.length)];
            if (i % 50 == 0) {
                name = "escaped\\/name\\u002d" + i + ".example.vn";
            }
            long micros = 100_000L * i;
            String ts = String.format(
                    "2025-03-02T07:%02d:%02d.%06d+0000",
                    (micros / 60_000_000) % 60, (micros / 1_000_000) % 60, micros % 1_000_000);
            String common = "{\"timestamp\":\"" + ts + "\",\"flow_id\":" + (1_000_000_000L + i)
                    + ",\"in_iface\":\"eth0\",\"event_type\":\"dns\",\"src_ip\":\"10.20." + (client % 8) + "." + client
                    + "\",\"src_port\":" + sport + ",\"dest_ip\":\"10.20.0.53\",\"dest_port\":53,\"proto\":\"UDP\","
                    + "\"pkt_src\":\"wire/pcap\",";
            String line;
            if (i % 2 == 0) {
                line = common + "\"dns\":{\"version\":2,\"type\":\"query\",\"id\":" + (i & 0xffff) + ",\"rrname\":\""
                        + name + "\",\"rrtype\":\"A\",\"tx_id\":0,\"opcode\":0}}";
            } else {
                String ip = "203.0." + random.nextInt(256) + "." + random.nextInt(256);
                line = common + "\"dns\":{\"version\":2,\"type\":\"answer\",\"id\":" + (i & 0xffff)
                        + ",\"flags\":\"8180\",\"qr\":true,\"rd\":true,\"ra\":true,\"opcode\":0,\"rrname\":\"" + name
                        + "\",\"rrtype\":\"A\",\"rcode\":\"NOERROR\",\"answers\":[{\"rrname\":\"" + name
                        + "\",\"rrtype\":\"CNAME\",\"ttl\":300,\"rdata\":\"edge" + i + ".cdn.example.net\"},"
                        + "{\"rrname\":\"edge" + i + ".cdn.example.net\",\"rrtype\":\"A\",\"ttl\":60,\"rdata\":\"" + ip
                        + "\"}],\"grouped\":{\"A\":[\"" + ip + "\"],\"CNAME\":[\"edge" + i + ".cdn.example.net\"]}}}";
            }
            byte[] b = (line + "\n").getBytes(StandardCharsets.UTF_8);
            out.write(b, 0, b.length);
        }
        return out.toByteArray();
    }
}

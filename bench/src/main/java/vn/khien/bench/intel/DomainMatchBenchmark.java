package vn.khien.bench.intel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vn.khien.core.intel.DomainSet;
import vn.khien.core.logs.BindQueryLogParser;

/**
 * The matcher hot loop in isolation: 1,000,000 indicator domains, {@value #LINES} BIND query lines held in
 * memory; one operation parses one line and tests its name and every parent. Also the build of the set
 * from text.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx3g"})
public class DomainMatchBenchmark {
    static final int LINES = 1_000_000;

    private byte[] indicatorText;
    private byte[] log;
    private int logEnd;
    private DomainSet set;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path dir = Files.createTempDirectory("khien-jmh-intel");
        BindLogGenerator.generate(dir, LINES, 1_000_000, 11);
        indicatorText = Files.readAllBytes(dir.resolve("indicators.txt"));
        log = Files.readAllBytes(dir.resolve("bind.log"));
        set = DomainSet.fromLines(indicatorText);
        logEnd = log.length;
        for (String f : new String[] {"indicators.txt", "bind.log", "truth.txt"}) {
            Files.deleteIfExists(dir.resolve(f));
        }
        Files.deleteIfExists(dir);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public int matchBindLines() {
        int hits = 0;
        byte[] b = log;
        int[] name = new int[2];
        int pos = 0;
        int limit = logEnd;
        for (int i = 0; i < LINES; i++) {
            int eol = BindQueryLogParser.scanLine(b, pos, limit, name);
            if (name[0] >= 0 && set.longestSuffix(b, name[0], name[1]) >= 0) {
                hits++;
            }
            pos = eol + 1;
        }
        return hits;
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public DomainSet buildMillionDomainsFromText() {
        return DomainSet.fromLines(indicatorText);
    }
}

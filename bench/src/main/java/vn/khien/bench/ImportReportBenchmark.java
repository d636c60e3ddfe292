package vn.khien.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vn.khien.core.ingest.ImportReport;

/** Cost of the per-record bookkeeping every importer pays; a floor for importer throughput. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ImportReportBenchmark {
    @Benchmark
    public ImportReport countThousandRecords() {
        ImportReport.Builder b = ImportReport.builder();
        for (int i = 1; i <= 1000; i++) {
            b.read();
            if (i % 100 == 0) {
                b.reject(i, "bad");
            } else {
                b.accept();
            }
        }
        return b.build();
    }
}

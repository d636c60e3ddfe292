package vn.khien.core.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome every importer reports: how many records it read, accepted, rejected and skipped as
 * duplicates, with the first rejections (bounded, so a hostile file cannot exhaust memory).
 *
 * @param read records read (lines or elements, excluding blank lines and comments)
 * @param accepted records that passed validation
 * @param rejected records refused; {@code rejections} holds at most {@link #MAX_KEPT} of them
 * @param duplicates records identical to one already seen in this input or already stored
 * @param rejections the first rejections, in input order
 */
public record ImportReport(long read, long accepted, long rejected, long duplicates, List<Rejection> rejections) {
    /** Upper bound on rejections kept in a report. */
    public static final int MAX_KEPT = 1_000;

    public ImportReport {
        rejections = List.copyOf(rejections);
    }

    public boolean hasRejections() {
        return rejected > 0;
    }

    /** One-line summary for command-line output and logs. */
    public String summary() {
        return "read=" + read + " accepted=" + accepted + " rejected=" + rejected + " duplicates=" + duplicates;
    }

    /** Mutable accumulator used while an import runs; not thread-safe. */
    public static final class Builder {
        private long read;
        private long accepted;
        private long rejected;
        private long duplicates;
        private final List<Rejection> rejections = new ArrayList<>();

        public Builder read() {
            read++;
            return this;
        }

        public Builder accept() {
            accepted++;
            return this;
        }

        public Builder duplicate() {
            duplicates++;
            return this;
        }

        public Builder reject(Rejection rejection) {
            rejected++;
            if (rejections.size() < MAX_KEPT) {
                rejections.add(rejection);
            }
            return this;
        }

        public Builder reject(long line, String reason) {
            return reject(Rejection.atLine(line, reason));
        }

        public long readCount() {
            return read;
        }

        public ImportReport build() {
            return new ImportReport(read, accepted, rejected, duplicates, rejections);
        }
    }

    public static Builder builder() {
        return new Builder();
    }
}

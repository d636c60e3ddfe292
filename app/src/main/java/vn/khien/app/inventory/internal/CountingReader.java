package vn.khien.app.inventory.internal;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/** Counts characters read (for a progress bar) and stops the import when its job is cancelled. */
public final class CountingReader extends FilterReader {
    private final LongConsumer progress;
    private final BooleanSupplier cancelled;
    private long count;
    private long reported;

    public CountingReader(Reader in, LongConsumer progress, BooleanSupplier cancelled) {
        super(in);
        this.progress = progress;
        this.cancelled = cancelled;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            advance(1);
        }
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    private void advance(long n) throws IOException {
        count += n;
        if (count - reported >= 65_536) {
            reported = count;
            progress.accept(count);
            if (cancelled.getAsBoolean()) {
                throw new InterruptedIOException("import cancelled");
            }
        }
    }
}

package vn.khien.app.detection.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;
import vn.khien.app.detection.DetectionException;

/** Passes bytes through until {@code max} have been read, then refuses; reports progress as it goes. */
public final class LimitedInputStream extends FilterInputStream {
    private final long max;
    private final LongConsumer progress;
    private long count;

    public LimitedInputStream(InputStream in, long max, LongConsumer progress) {
        super(in);
        this.max = max;
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void add(long n) {
        count += n;
        if (count > max) {
            throw new DetectionException(
                    DetectionException.Kind.TOO_LARGE, "log input is over the limit of " + max + " bytes");
        }
        progress.accept(count);
    }
}

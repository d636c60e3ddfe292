package vn.khien.app.detection.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns NDJSON records of a log shipper ({@code {"message": "..."}}, also {@code line}, {@code log} or
 * {@code msg}) into the raw lines they carry, streaming. A record without such a field is passed on as is, so the
 * parser counts it as malformed with its line number.
 */
public final class NdjsonLines extends InputStream {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] FIELDS = {"message", "line", "log", "msg"};

    private final BufferedReader reader;
    private byte @Nullable [] current;
    private int pos;

    public NdjsonLines(InputStream in) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    private boolean fill() throws IOException {
        while (current == null || pos >= current.length) {
            String line = reader.readLine();
            if (line == null) {
                return false;
            }
            current = (extract(line) + "\n").getBytes(StandardCharsets.UTF_8);
            pos = 0;
        }
        return true;
    }

    static String extract(String line) {
        String t = line.strip();
        if (!t.startsWith("{")) {
            return line;
        }
        try {
            JsonNode n = JSON.readTree(t);
            for (String f : FIELDS) {
                JsonNode v = n.get(f);
                if (v != null && v.isString()) {
                    return v.asString().replace('\n', ' ');
                }
            }
        } catch (JacksonException e) {
            return line;
        }
        return line;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return current[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}

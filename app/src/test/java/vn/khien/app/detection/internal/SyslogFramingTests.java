package vn.khien.app.detection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 6587 framing and RFC 3164/5424 header stripping. */
class SyslogFramingTests {
    static List<String> frames(String stream, int max) throws IOException {
        // one byte per read, to cross every buffer boundary
        InputStream slow = new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 3));
            }
        };
        SyslogFrames f = new SyslogFrames(slow, max);
        List<String> out = new ArrayList<>();
        String s;
        while ((s = f.next()) != null) {
            out.add(s);
        }
        return out;
    }

    @Test
    void splitsNewlineAndOctetCountedFrames() throws IOException {
        assertThat(frames("<13>Nov 22 09:15:01 h app: one\r\n11 <13>two two10 <13>three\n\n22-Nov-2026 x\nlast", 1000))
                .containsExactly(
                        "<13>Nov 22 09:15:01 h app: one", "<13>two two", "<13>three\n", "22-Nov-2026 x", "last");
    }

    @Test
    void cutsOverlongFrames() throws IOException {
        assertThat(frames("10 0123456789next\n", 4)).containsExactly("0123", "next");
    }

    @Test
    void keepsTheProgramTagAndDropsTheHeaders() {
        assertThat(SyslogMessages.strip("<30>Nov 22 04:31:08 ns1 dnsmasq[812]: query[A] a.test from 10.0.0.1"))
                .isEqualTo("dnsmasq[812]: query[A] a.test from 10.0.0.1");
        assertThat(SyslogMessages.strip("<30>Nov  2 04:31:08 dnsmasq[812]: query[A] a.test from 10.0.0.1"))
                .isEqualTo("dnsmasq[812]: query[A] a.test from 10.0.0.1");
        assertThat(
                        SyslogMessages.strip(
                                "<30>1 2026-11-22T09:15:01.004+07:00 ns1 named 812 - [m a=\"x]y\"][n] client 10.0.0.1#5 (a.test): query: a.test IN A"))
                .isEqualTo("named[812]: client 10.0.0.1#5 (a.test): query: a.test IN A");
        assertThat(SyslogMessages.strip("<30>1 - - - - - - \uFEFFbare message")).isEqualTo("bare message");
        assertThat(SyslogMessages.strip("no header at all")).isEqualTo("no header at all");
    }
}

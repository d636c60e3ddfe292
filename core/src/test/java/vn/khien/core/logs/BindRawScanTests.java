package vn.khien.core.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The allocation-free BIND scanners agree with the line parser and never run past a line's end. */
class BindRawScanTests {
    private static final String LOG = """
            17-Feb-2018 23:06:56.326 queries: info: client 172.26.0.1#12345 (test.example.com): query: test.example.com IN A +E(0)K (172.26.0.3)

            abc
            22-Nov-2026 09:15:01.118 queries: info: client @0x7f3a2c01b2a8 10.12.4.57#51235 (Www.Example.TEST.): view internal: query: Www.Example.TEST. IN AAAA +E(0)DC (10.12.0.2)
            22-Nov-2026 09:15:05.000 queries: info: this line lost its client field
            q: query: last.example""";

    @Test
    void scanLineFindsEachQueryNameAndLineEnd() {
        byte[] b = LOG.getBytes(StandardCharsets.US_ASCII);
        int[] name = new int[2];
        List<String> found = new ArrayList<>();
        int pos = 0;
        while (pos < b.length) {
            int eol = BindQueryLogParser.scanLine(b, pos, b.length, name);
            found.add(name[0] < 0 ? "-" : new String(b, name[0], name[1] - name[0], StandardCharsets.US_ASCII));
            long bounded = BindQueryLogParser.queryName(b, pos, eol);
            assertThat(bounded < 0 ? -1 : (int) (bounded >>> 32)).isEqualTo(name[0]);
            pos = eol + 1;
        }
        assertThat(found).containsExactly("test.example.com", "-", "-", "Www.Example.TEST.", "-", "last.example");
    }

    @Test
    void byteScanFindsBytesAcrossWordBoundaries() {
        byte[] b = "0123456789abcdef:ghij\nk".getBytes(StandardCharsets.US_ASCII);
        for (int from = 0; from < b.length; from++) {
            assertThat(ByteScan.indexOf(b, from, b.length, (byte) ':')).isEqualTo(from <= 16 ? 16 : b.length);
            assertThat(ByteScan.indexOfEither(b, from, b.length, (byte) '\n', (byte) ':'))
                    .isEqualTo(from <= 16 ? 16 : from <= 21 ? 21 : b.length);
        }
        assertThat(ByteScan.indexOf(b, 0, 10, (byte) ':')).isEqualTo(10);
    }
}

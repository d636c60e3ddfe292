package vn.khien.core.accounts.combolist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.khien.core.accounts.NtHash;

class CombolistScannerTests {
    private final DomainList domains = DomainList.of(List.of("hatinh.gov.vn", "@QuangNgai.gov.vn"));
    private final CombolistScanner scanner = new CombolistScanner(domains);

    private static InputStream resource(String name) {
        return Objects.requireNonNull(CombolistScannerTests.class.getResourceAsStream("/combolist/" + name), name);
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void findsOnlyLoginsUnderListedDomainsAmongDecoys() throws IOException {
        List<ComboHit> hits = new ArrayList<>();
        ComboScanResult result = scanner.scan(resource("decoys.txt"), hits::add);

        assertThat(hits)
                .extracting(ComboHit::line, ComboHit::account, ComboHit::domain, ComboHit::format)
                .containsExactly(
                        tuple(1L, "a.nguyen@mail.hatinh.gov.vn", "hatinh.gov.vn", ComboFormat.EMAIL_PASSWORD),
                        tuple(7L, "b.tran@hatinh.gov.vn", "hatinh.gov.vn", ComboFormat.EMAIL_SEMICOLON_PASSWORD),
                        tuple(8L, "c.le@hatinh.gov.vn", "hatinh.gov.vn", ComboFormat.URL_LOGIN_PASSWORD),
                        tuple(9L, "d.pham@sotttt.hatinh.gov.vn", "hatinh.gov.vn", ComboFormat.URL_LOGIN_PASSWORD),
                        tuple(10L, "e.vo@quangngai.gov.vn", "quangngai.gov.vn", ComboFormat.EMAIL_PASSWORD),
                        tuple(11L, "f@hatinh.gov.vn", "hatinh.gov.vn", ComboFormat.EMAIL_PASSWORD),
                        tuple(15L, "g.hoang@hatinh.gov.vn", "hatinh.gov.vn", ComboFormat.STEALER_LOG),
                        tuple(24L, "i@hatinh.gov.vn", "hatinh.gov.vn", ComboFormat.STEALER_LOG),
                        tuple(27L, "j.only@hatinh.gov.vn", "hatinh.gov.vn", ComboFormat.EMAIL_ONLY));
        assertThat(result.lines()).isEqualTo(29);
        assertThat(result.report().read()).isEqualTo(24);
        assertThat(result.report().accepted()).isEqualTo(9);
        assertThat(result.report().duplicates()).isEqualTo(1);
        assertThat(result.report().rejected()).isZero();
    }

    @Test
    void keepsOnlyAFingerprintOfThePassword() throws IOException {
        List<ComboHit> hits = new ArrayList<>();
        scanner.scan(resource("decoys.txt"), hits::add);

        ComboHit url = hits.get(2);
        assertThat(url.password()).isNotNull();
        assertThat(url.password().matchesNtHash(NtHash.of("Pass:with:colons"))).isTrue();
        ComboHit crlf = hits.get(5);
        assertThat(crlf.password().length()).isEqualTo("crlfpass".length());
        assertThat(crlf.password().matchesNtHash(NtHash.of("crlfpass"))).isTrue();
        ComboHit stealer = hits.get(6);
        assertThat(stealer.password().matchesNtHash(NtHash.of("Demo@123"))).isTrue();
        assertThat(hits.get(7).password().matchesNtHash(NtHash.of("qwerty"))).isTrue();
        assertThat(hits.get(8).password()).isNull();
        assertThat(hits.toString()).doesNotContain("Secret123").doesNotContain("Demo@123");
    }

    @Test
    void matchesLabelAlignedAndCaseInsensitively() {
        assertThat(domains.match("Mail.HaTinh.gov.vn")).isEqualTo("hatinh.gov.vn");
        assertThat(domains.match("hatinh.gov.vn")).isEqualTo("hatinh.gov.vn");
        assertThat(domains.match("nothatinh.gov.vn")).isNull();
        assertThat(domains.match("hatinh.gov.vn.example.com")).isNull();
        assertThat(domains.match("gov.vn")).isNull();
        DomainList nested = DomainList.of(List.of("gov.vn", "hatinh.gov.vn"));
        assertThat(nested.match("a.hatinh.gov.vn")).isEqualTo("hatinh.gov.vn");
        assertThat(nested.match("quangtri.gov.vn")).isEqualTo("gov.vn");
    }

    @Test
    void rejectsAnInvalidDomainNamingIt() {
        assertThatThrownBy(() -> DomainList.of(List.of("hatinh.gov.vn", "bad domain")))
                .hasMessageContaining("'bad domain'");
    }

    @Test
    void rejectsALineLongerThanTheLimitAndKeepsScanning() throws IOException {
        CombolistScanner small = new CombolistScanner(domains, 1024);
        String longLine = "x".repeat(3000) + "@hatinh.gov.vn:" + "y@hatinh.gov.vn ".repeat(500);
        List<ComboHit> hits = new ArrayList<>();
        ComboScanResult result =
                small.scan(text("a@hatinh.gov.vn:p1\n" + longLine + "\nb@hatinh.gov.vn:p2\n"), hits::add);

        assertThat(hits).extracting(ComboHit::line).containsExactly(1L, 3L);
        assertThat(result.report().rejections()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.reason()).contains("longer than 1024 bytes");
        });
    }

    @Test
    void skipsALineLargerThanTheBufferWithBoundedMemory() throws IOException {
        long size = 40L * 1024 * 1024; // five times the read buffer, never held at once
        InputStream huge = new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) (n % 7 == 0 ? '@' : 'a'));
                left -= n;
                return n;
            }
        };
        InputStream in = new SequenceInputStream(
                text("a@hatinh.gov.vn:p1\n"), new SequenceInputStream(huge, text("\nb@hatinh.gov.vn:p2")));
        List<ComboHit> hits = new ArrayList<>();
        ComboScanResult result = scanner.scan(in, hits::add);

        assertThat(hits).extracting(ComboHit::line).containsExactly(1L, 3L);
        assertThat(result.report().rejections()).extracting(r -> r.line()).containsExactly(2L);
        assertThat(result.lines()).isEqualTo(3);
        assertThat(result.bytes()).isEqualTo(size + 19 + 19);
    }

    @Test
    void rejectsABinaryFileNamingIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("dump.bin");
        byte[] bytes = new byte[4096];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(file, bytes);

        assertThatThrownBy(() -> scanner.scan(file, hit -> {}, n -> {}))
                .isInstanceOf(BinaryInputException.class)
                .hasMessageContaining("dump.bin")
                .hasMessageContaining("binary");
    }

    @Test
    void findsHitsAcrossBlockBoundariesOfALargeInput() throws IOException {
        StringBuilder sb = new StringBuilder();
        int lines = 400_000;
        for (int i = 0; i < lines; i++) {
            if (i % 1000 == 7) {
                sb.append("user")
                        .append(i)
                        .append("@hatinh.gov.vn:pw")
                        .append(i)
                        .append('\n');
            } else {
                sb.append("user")
                        .append(i)
                        .append("@gmail.com:hatinh.gov.vn")
                        .append(i)
                        .append('\n');
            }
        }
        List<ComboHit> hits = new ArrayList<>();
        ComboScanResult result = scanner.scan(text(sb.toString()), hits::add);

        assertThat(hits).hasSize(lines / 1000);
        assertThat(hits).allSatisfy(h -> assertThat(h.account()).isEqualTo("user" + (h.line() - 1) + "@hatinh.gov.vn"));
        assertThat(result.lines()).isEqualTo(lines);
    }

    @Test
    void findsHitsInLinesSpanningManySmallBufferBoundaries() throws IOException {
        CombolistScanner small = new CombolistScanner(domains, 1024, 1); // the smallest buffer: four margins
        StringBuilder sb = new StringBuilder();
        List<Long> expected = new ArrayList<>();
        int lines = 60_000;
        for (int i = 1; i <= lines; i++) {
            switch (i % 7) {
                case 0 -> {
                    sb.append("U")
                            .append(i)
                            .append("@Mail.HATINH.Gov.Vn:pw")
                            .append(i)
                            .append("\r\n");
                    expected.add((long) i);
                }
                case 1 -> sb.append("u").append(i).append("@nothatinh.gov.vn:p\n");
                case 2 -> sb.append(i % 3 == 0 ? "\n" : " \t\r\n"); // blank lines
                case 3 -> sb.append("u").append(i).append("@gmail.com:pass@hatinh.gov.vn\n");
                case 4 -> sb.append("x".repeat(1 + i % 200)).append('\n');
                case 5 -> {
                    sb.append("v").append(i).append("@quangngai.gov.vn;p@ss@word\n");
                    expected.add((long) i);
                }
                default -> sb.append("w").append(i).append("@hatinh.gov.vn.example.com:pw\n");
            }
        }
        List<ComboHit> hits = new ArrayList<>();
        ComboScanResult result = small.scan(text(sb.toString()), hits::add);

        assertThat(hits).extracting(ComboHit::line).containsExactlyElementsOf(expected);
        assertThat(hits)
                .allSatisfy(h -> assertThat(h.account()).endsWith(h.domain()).contains(Long.toString(h.line())));
        assertThat(result.lines()).isEqualTo(lines);
        assertThat(result.report().read()).isEqualTo(lines - lines / 7 - (lines % 7 >= 2 ? 1 : 0));
    }

    @Test
    void matchesDomainsShorterThanEightBytesAndHostsAtTheEndOfTheInput() throws IOException {
        CombolistScanner shortList = new CombolistScanner(DomainList.of(List.of("a.vn", "hatinh.gov.vn")));
        String input = "x@a.vn:pw\ny@Mail.A.VN;pw\nz@ba.vn:pw\nw@vn:pw\nq@HATINH.GOV.VN:pw\nlast@a.vn";
        List<ComboHit> hits = new ArrayList<>();
        ComboScanResult result = shortList.scan(text(input), hits::add);

        assertThat(hits)
                .map(h -> h.line() + " " + h.account() + " " + h.domain() + " "
                        + h.format().label())
                .containsExactly(
                        "1 x@a.vn a.vn email:password",
                        "2 y@mail.a.vn a.vn email;password",
                        "5 q@hatinh.gov.vn hatinh.gov.vn email:password",
                        "6 last@a.vn a.vn email");
        assertThat(result.lines()).isEqualTo(6);

        List<ComboHit> tiny = new ArrayList<>();
        assertThat(shortList.scan(text("q@a.vn"), tiny::add).lines()).isEqualTo(1);
        assertThat(tiny).extracting(ComboHit::account).containsExactly("q@a.vn");
    }

    @Test
    void keepsAPasswordHoldingAtSignsAndIgnoresADomainInsideAPassword() throws IOException {
        List<ComboHit> hits = new ArrayList<>();
        scanner.scan(text("a@gmail.com:p@ss@hatinh.gov.vn\nb@hatinh.gov.vn:p@ss@word@gmail.com\r\n"), hits::add);

        assertThat(hits).extracting(ComboHit::line, ComboHit::account).containsExactly(tuple(2L, "b@hatinh.gov.vn"));
        assertThat(hits.get(0).password().matchesNtHash(NtHash.of("p@ss@word@gmail.com")))
                .isTrue();
    }

    @Test
    void tellsApartAccountsWhoseHashCodesCollide() throws IOException {
        assertThat("a~@hatinh.gov.vn".hashCode()).isEqualTo("b_@hatinh.gov.vn".hashCode());
        List<ComboHit> hits = new ArrayList<>();
        ComboScanResult result = scanner.scan(
                text("a~@hatinh.gov.vn:pw\nb_@hatinh.gov.vn:pw\na~@hatinh.gov.vn:pw\na~@hatinh.gov.vn:pw2\n"),
                hits::add);

        assertThat(hits).extracting(ComboHit::line).containsExactly(1L, 2L, 4L);
        assertThat(result.report().duplicates()).isEqualTo(1);
    }

    @Test
    void countsBlankAndWhitespaceOnlyLinesAsReadNowhere() throws IOException {
        ComboScanResult result = scanner.scan(text("\n \n\t\r\n  x\n\r\na@hatinh.gov.vn\n  "), hit -> {});

        assertThat(result.lines()).isEqualTo(7);
        assertThat(result.report().read()).isEqualTo(2);
    }
}

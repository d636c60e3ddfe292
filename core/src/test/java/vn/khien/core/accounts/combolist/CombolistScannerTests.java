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
}

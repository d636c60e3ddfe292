package vn.khien.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCombolistCommandTests {
    private final CliRun cli = new CliRun();

    @Test
    void writesOneJsonObjectPerHitWithoutThePassword(@TempDir Path dir) throws IOException {
        Path domains = Files.writeString(dir.resolve("domains.txt"), "# Hà Tĩnh\nhatinh.gov.vn\n");
        Path combo = Files.writeString(
                dir.resolve("combo.txt"),
                "A.Nguyen@Mail.HaTinh.gov.vn:Secret123\nx@nothatinh.gov.vn:p\nsomeone@gmail.com:x@hatinh.gov.vn\n"
                        + "https://mail.hatinh.gov.vn/owa:b@hatinh.gov.vn:Demo@123\n");

        int code = cli.execute("scan-combolist", "--domains", domains.toString(), combo.toString());

        assertThat(code).isZero();
        assertThat(cli.out().lines())
                .containsExactly(
                        "{\"file\":\"" + combo + "\",\"line\":1,\"account\":\"a.nguyen@mail.hatinh.gov.vn\","
                                + "\"domain\":\"hatinh.gov.vn\",\"format\":\"email:password\",\"passwordLength\":9,"
                                + "\"passwordClass\":\"lower+upper+digit\"}",
                        "{\"file\":\"" + combo + "\",\"line\":4,\"account\":\"b@hatinh.gov.vn\","
                                + "\"domain\":\"hatinh.gov.vn\",\"format\":\"url:login:password\",\"passwordLength\":8,"
                                + "\"passwordClass\":\"lower+upper+digit+symbol\"}");
        assertThat(cli.out()).doesNotContain("Secret123").doesNotContain("Demo@123");
        assertThat(cli.err()).contains("lines=4 hits=2");
    }

    @Test
    void writesToTheOutFile(@TempDir Path dir) throws IOException {
        Path domains = Files.writeString(dir.resolve("domains.txt"), "hatinh.gov.vn\n");
        Path combo = Files.writeString(dir.resolve("combo.txt"), "a@hatinh.gov.vn;x\n");
        Path hits = dir.resolve("hits.jsonl");

        assertThat(cli.execute(
                        "scan-combolist", "--domains", domains.toString(), "--out", hits.toString(), combo.toString()))
                .isZero();
        assertThat(Files.readString(hits)).contains("\"account\":\"a@hatinh.gov.vn\"");
    }

    @Test
    void failsOnABinaryFileNamingIt(@TempDir Path dir) throws IOException {
        Path domains = Files.writeString(dir.resolve("domains.txt"), "hatinh.gov.vn\n");
        Path binary = Files.write(dir.resolve("image.bin"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});

        assertThat(cli.execute("scan-combolist", "--domains", domains.toString(), binary.toString()))
                .isEqualTo(2);
        assertThat(cli.err()).contains("image.bin").contains("binary");
    }

    @Test
    void failsOnAMissingFileNamingIt(@TempDir Path dir) throws IOException {
        Path domains = Files.writeString(dir.resolve("domains.txt"), "hatinh.gov.vn\n");

        assertThat(cli.execute(
                        "scan-combolist",
                        "--domains",
                        domains.toString(),
                        dir.resolve("nope.txt").toString()))
                .isEqualTo(2);
        assertThat(cli.err()).contains("nope.txt");
    }
}

package vn.khien.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashStoreCommandTests {
    private final CliRun cli = new CliRun();

    @Test
    void buildsAnNtlmStore(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(
                dir.resolve("pwned-ntlm.txt"),
                "32ED87BDB5FDC5E9CBA88547376818D4:37359195\r\n8846F7EAEE8FB117AD06BDD830B7586C:9545824\r\n");
        Path store = dir.resolve("store");

        assertThat(cli.execute("hash-store", "build", "--out", store.toString(), text.toString()))
                .isZero();
        assertThat(store.resolve("ntlm.khs")).isRegularFile();
        assertThat(cli.err()).contains("kind=NTLM hashes=2");
    }

    @Test
    void reportsBadLinesAndExitsNonZero(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("bad.txt"), "8846F7EAEE8FB117AD06BDD830B7586C:1\n8846F7EAEE8F\n");

        assertThat(cli.execute("hash-store", "build", "--out", dir.toString(), text.toString()))
                .isEqualTo(2);
        assertThat(cli.err()).contains("bad.txt: line 2");
    }

    @Test
    void failsOnAMissingInput(@TempDir Path dir) {
        assertThat(cli.execute(
                        "hash-store",
                        "build",
                        "--out",
                        dir.toString(),
                        dir.resolve("nope.txt").toString()))
                .isEqualTo(2);
        assertThat(cli.err()).contains("nope.txt");
    }
}

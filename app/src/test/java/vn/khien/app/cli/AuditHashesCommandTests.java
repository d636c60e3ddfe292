package vn.khien.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditHashesCommandTests {
    private static final String LM = "aad3b435b51404eeaad3b435b51404ee";
    private final CliRun cli = new CliRun();

    private Path store(Path dir) throws IOException {
        // NT hash of the random password "Xk9#mQ2v!Lz7", made with openssl dgst -md4
        Path text = Files.writeString(dir.resolve("ntlm.txt"), "1F4801B516341FA698FF41998E872F2D:2\n");
        Path store = dir.resolve("store");
        assertThat(cli.execute("hash-store", "build", "--out", store.toString(), text.toString()))
                .isZero();
        cli.clear();
        return store;
    }

    @Test
    void printsFindingsButNeverHashes(@TempDir Path dir) throws IOException {
        Path store = store(dir);
        Path hashes = Files.writeString(
                dir.resolve("pwdump.txt"),
                "HATINH\\administrator:500:" + LM + ":8846f7eaee8fb117ad06bdd830b7586c:::\n" + "HATINH\\phamvand:1108:"
                        + LM + ":1f4801b516341fa698ff41998e872f2d:::\n");

        int code = cli.execute(
                "audit-hashes", "--store", store.toString(), "--hashes", hashes.toString(), "--format", "ntlm");

        assertThat(code).isZero();
        assertThat(cli.out().lines())
                .containsExactly(
                        "{\"account\":\"HATINH\\\\administrator\",\"rule\":\"ACCOUNT-DEFAULT\",\"class\":\"vendor default\",\"line\":1}",
                        "{\"account\":\"HATINH\\\\phamvand\",\"rule\":\"ACCOUNT-BREACHED\",\"class\":\"Pwned Passwords NTLM\",\"line\":2}");
        assertThat(cli.out() + cli.err()).doesNotContainIgnoringCase("8846f7ea").doesNotContainIgnoringCase("1f4801b5");
        assertThat(cli.err()).containsPattern("accounts=2 findings=2 .* audited in \\d+\\.\\d\\d s");
    }

    @Test
    void exitsNonZeroOnATruncatedLineNamingIt(@TempDir Path dir) throws IOException {
        Path store = store(dir);
        Path hashes = Files.writeString(dir.resolve("pwdump.txt"), "bob:1001:" + LM + ":8846f7eaee8f\n");

        assertThat(cli.execute("audit-hashes", "--store", store.toString(), "--hashes", hashes.toString()))
                .isEqualTo(2);
        assertThat(cli.err()).contains("pwdump.txt: line 1").contains("32 hex digits");
    }

    @Test
    void exitsNonZeroWithoutAStore(@TempDir Path dir) throws IOException {
        Path hashes = Files.writeString(dir.resolve("h.txt"), "");

        assertThat(cli.execute("audit-hashes", "--store", dir.toString(), "--hashes", hashes.toString()))
                .isEqualTo(2);
        assertThat(cli.err()).contains("neither ntlm.khs nor sha1.khs");
    }
}

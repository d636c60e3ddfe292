package vn.khien.app.incidents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans through a real clamd over TCP (INSTREAM). Runs when Debian's {@code clamav-daemon} is installed; the
 * signature database is a one-line hash signature of the EICAR test file made here, so no download is needed.
 */
class ClamdScannerTests {
    private static final Path CLAMD = Path.of("/usr/sbin/clamd");
    // assembled from two halves so this source file is not itself flagged by scanners
    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-" + "ANTIVIRUS-TEST-FILE!$H+H*";

    @TempDir
    static Path dir;

    static Process clamd;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(Files.isExecutable(CLAMD), "clamav-daemon is not installed");
        }
        Path db = Files.createDirectories(dir.resolve("db"));
        byte[] eicar = EICAR.getBytes(StandardCharsets.US_ASCII);
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(eicar));
        Files.writeString(db.resolve("khien-test.hdb"), md5 + ":" + eicar.length + ":Eicar-Test-Signature\n");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path conf = dir.resolve("clamd.conf");
        Files.writeString(
                conf,
                String.join(
                        "\n",
                        "DatabaseDirectory " + db,
                        "TCPSocket " + port,
                        "TCPAddr 127.0.0.1",
                        "Foreground yes",
                        "LogFile " + dir.resolve("clamd.log"),
                        "PidFile " + dir.resolve("clamd.pid"),
                        ""));
        clamd = new ProcessBuilder(CLAMD.toString(), "--config-file=" + conf)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("clamd.out").toFile())
                .start();
        for (int i = 0; i < 300; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!clamd.isAlive()) {
                    break;
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("clamd did not start: " + Files.readString(dir.resolve("clamd.out")));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (clamd != null) {
            clamd.destroy();
            clamd.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void detectsEicar() throws Exception {
        Path file = Files.write(dir.resolve("eicar.com"), EICAR.getBytes(StandardCharsets.US_ASCII));
        assertThat(ClamdScanner.scan("127.0.0.1", port, file)).startsWith("FOUND: Eicar-Test-Signature");
    }

    @Test
    void passesACleanFile() throws Exception {
        Path file = Files.writeString(dir.resolve("note.txt"), "Biên bản bàn giao ca trực");
        assertThat(ClamdScanner.scan("127.0.0.1", port, file)).isEqualTo("CLEAN");
    }

    @Test
    void reportsAnUnreachableDaemonAsAnError() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Path file = Files.writeString(dir.resolve("x.txt"), "x");
        assertThat(ClamdScanner.scan("127.0.0.1", closed, file)).startsWith("ERROR: clamd unreachable");
    }
}

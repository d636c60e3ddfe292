package vn.khien.app.incidents.internal;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;
import vn.khien.app.incidents.ClamdSettings;

/**
 * Scans a file with clamd's INSTREAM command over TCP: {@code zINSTREAM\0}, then chunks each prefixed by their
 * length as a 4-byte big-endian integer, then a zero-length chunk; clamd answers {@code stream: OK} or
 * {@code stream: <name> FOUND}.
 */
@Component
public class ClamdScanner {
    private final ClamdSettings settings;

    public ClamdScanner(ClamdSettings settings) {
        this.settings = settings;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** {@code CLEAN}, {@code FOUND: <signature>}, or {@code ERROR: <reason>} (the upload is then kept and flagged). */
    public String scan(Path file) {
        return scan(settings.host(), settings.port(), file);
    }

    static String scan(String host, int port, Path file) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(60_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = Files.newInputStream(file)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.writeInt(n);
                    out.write(buf, 0, n);
                }
            }
            out.writeInt(0);
            out.flush();
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
                    .replace("\0", "")
                    .strip();
            if (reply.endsWith("OK")) {
                return "CLEAN";
            }
            if (reply.endsWith("FOUND")) {
                return "FOUND: "
                        + reply.substring(reply.indexOf(':') + 1, reply.length() - "FOUND".length())
                                .strip();
            }
            return "ERROR: " + reply;
        } catch (IOException e) {
            return "ERROR: clamd unreachable (" + e.getClass().getSimpleName() + ")";
        }
    }
}

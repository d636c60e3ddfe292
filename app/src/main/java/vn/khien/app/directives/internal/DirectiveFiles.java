package vn.khien.app.directives.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import vn.khien.app.platform.KhienProperties;

/**
 * Imported directive files and evidence on disk under {@code ${khien.data-dir}/directives/}, each named by its SHA-256 (so identical
 * uploads share one file), written without any execute permission and never interpreted.
 */
@Component
public class DirectiveFiles {
    /** A file written to its final place. */
    public record Stored(String sha256, long size, Path path) {}

    /** Thrown when the stream holds more than the limit; nothing is kept. */
    public static class TooLarge extends RuntimeException {
        public TooLarge(long limit) {
            super("file larger than " + limit + " bytes");
        }
    }

    private final Path dir;

    public DirectiveFiles(KhienProperties properties) {
        this.dir = properties.dataDir().resolve("directives");
    }

    /** Copies at most {@code limit} bytes while hashing; a longer stream is refused and its partial copy deleted. */
    public Stored store(InputStream in, long limit) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "upload-", ".part");
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                long total = 0;
                byte[] buf = new byte[64 * 1024];
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        total += n;
                        if (total > limit) {
                            throw new TooLarge(limit);
                        }
                        sha.update(buf, 0, n);
                        out.write(buf, 0, n);
                    }
                }
                String hex = HexFormat.of().formatHex(sha.digest());
                Path target = path(hex);
                if (Files.exists(target)) {
                    Files.delete(tmp);
                } else {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                }
                return new Stored(hex, total, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store evidence in " + dir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return dir.resolve(sha256);
    }

    public void delete(String sha256) {
        try {
            Files.deleteIfExists(path(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

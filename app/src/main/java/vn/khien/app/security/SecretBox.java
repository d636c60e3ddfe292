package vn.khien.app.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.khien.app.platform.KhienProperties;
import vn.khien.app.platform.PrivateFiles;

/**
 * Encrypts secrets kept in the database (TOTP seeds, directory bind passwords, bot tokens) with AES-256-GCM.
 * The key comes from {@code KHIEN_SECRET_KEY} (base64, 32 bytes) or is generated once into
 * {@code ./data/secret.key} with mode 600.
 */
@Component
public class SecretBox {
    private static final String PREFIX = "v1:";
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(KhienProperties properties, @Value("${khien.secret-key:}") String configuredKey) {
        this.key = new SecretKeySpec(loadKey(properties.dataDir(), configuredKey), "AES");
    }

    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(12 + ct.length)
                                    .put(iv)
                                    .put(ct)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String sealed) {
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an encrypted value");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored secret cannot be decrypted with this key", e);
        }
    }

    private static byte[] loadKey(Path dataDir, String configured) {
        if (!configured.isBlank()) {
            byte[] k = Base64.getDecoder().decode(configured.strip());
            if (k.length != 32) {
                throw new IllegalArgumentException("KHIEN_SECRET_KEY must be 32 bytes in base64, got " + k.length);
            }
            return k;
        }
        Path file = dataDir.resolve("secret.key");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            PrivateFiles.write(file, List.of(Base64.getEncoder().encodeToString(k)));
            return k;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}

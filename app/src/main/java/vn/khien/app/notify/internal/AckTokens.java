package vn.khien.app.notify.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import vn.khien.app.security.SecretBox;

/**
 * Signed acknowledgement tokens: {@code base64url(kind:id:person).base64url(HMAC-SHA256)}. The HMAC key is made
 * once and kept in the settings row, encrypted with {@link SecretBox}.
 */
@Component
public class AckTokens {
    /** What a token acknowledges: a page ({@code p}) or a warning ({@code w}), for one person. */
    public record Claim(char kind, long id, long personId) {}

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final NotifyDao dao;
    private final SecretBox box;

    public AckTokens(NotifyDao dao, SecretBox box) {
        this.dao = dao;
        this.box = box;
    }

    public String issue(char kind, long id, long personId) {
        String payload = kind + ":" + id + ":" + personId;
        return B64.encodeToString(payload.getBytes(StandardCharsets.US_ASCII)) + "." + B64.encodeToString(mac(payload));
    }

    public Optional<Claim> verify(String token) {
        int dot = token.indexOf('.');
        if (dot < 1 || token.length() > 200) {
            return Optional.empty();
        }
        try {
            String payload =
                    new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.US_ASCII);
            byte[] sig = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(sig, mac(payload))) {
                return Optional.empty();
            }
            String[] parts = payload.split(":");
            if (parts.length != 3 || parts[0].length() != 1) {
                return Optional.empty();
            }
            return Optional.of(new Claim(parts[0].charAt(0), Long.parseLong(parts[1]), Long.parseLong(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized byte[] key() {
        NotifyDao.SettingsRow s = dao.settings();
        if (s.ackKeyEnc() != null) {
            return Base64.getDecoder().decode(box.decrypt(s.ackKeyEnc()));
        }
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        dao.saveSettings(new NotifyDao.SettingsRow(
                s.smtpHost(),
                s.smtpPort(),
                s.smtpFrom(),
                s.telegramBaseUrl(),
                s.telegramTokenEnc(),
                s.ackMinutes(),
                s.publicBaseUrl(),
                box.encrypt(Base64.getEncoder().encodeToString(k)),
                s.smtpUsername(),
                s.smtpPasswordEnc(),
                s.smtpStartTls()));
        return k;
    }
}

package vn.khien.core.accounts.hashes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.khien.core.ingest.ImportReport;

/**
 * Parses a hash export in one {@link HashFormat} into {@link AccountHash}es, rejecting truncated or garbled
 * lines with their line number and a reason that never quotes the hash. Stateless and thread-safe.
 */
public final class HashFileParser {
    private static final int MAX_LINE = 8 * 1024;
    private static final Pattern HEX32 = Pattern.compile("[0-9A-Fa-f]{32}");
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    private static final Pattern CRYPT =
            Pattern.compile("\\$[156]\\$(rounds=\\d{1,9}\\$)?[./A-Za-z0-9]{1,16}\\$[./A-Za-z0-9]{22,86}");

    /**
     * Parsed export.
     *
     * @param hashes the accounts with a hash, in input order
     * @param report lines read, accepted, rejected (line and reason)
     */
    public record Parsed(List<AccountHash> hashes, ImportReport report) {
        public Parsed {
            hashes = List.copyOf(hashes);
        }
    }

    /** Parses {@code in} (UTF-8) to its end. */
    public Parsed parse(InputStream in, HashFormat format) throws IOException {
        List<AccountHash> hashes = new ArrayList<>();
        ImportReport.Builder report = ImportReport.builder();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String raw;
        long lineNo = 0;
        while ((raw = reader.readLine()) != null) {
            lineNo++;
            String line = lineNo == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            report.read();
            if (t.length() > MAX_LINE) {
                report.reject(lineNo, "line longer than " + MAX_LINE + " characters");
                continue;
            }
            try {
                hashes.add(
                        switch (format) {
                            case NTLM -> ntlm(t, lineNo);
                            case LDAP, BCRYPT -> accountValue(t, lineNo, format);
                        });
                report.accept();
            } catch (IllegalArgumentException e) {
                report.reject(lineNo, e.getMessage());
            }
        }
        return new Parsed(hashes, report.build());
    }

    private static AccountHash ntlm(String line, long lineNo) {
        String[] f = line.split(":", -1);
        if (f.length < 4) {
            throw new IllegalArgumentException(
                    "truncated pwdump line: expected user:rid:lmhash:nthash:::, found " + f.length + " fields");
        }
        String user = f[0].strip();
        if (user.isEmpty()) {
            throw new IllegalArgumentException("empty user name");
        }
        if (!f[1].strip().matches("\\d{1,10}")) {
            throw new IllegalArgumentException("RID is not a number");
        }
        String nt = f[3].strip();
        if (!HEX32.matcher(nt).matches()) {
            throw new IllegalArgumentException("NT hash must be 32 hex digits, found " + nt.length() + " characters");
        }
        return new AccountHash(user, HashScheme.NTLM, lineNo, HexFormat.of().parseHex(nt), new byte[0], "");
    }

    private static AccountHash accountValue(String line, long lineNo, HashFormat format) {
        int tab = line.indexOf('\t');
        int sep = tab >= 0 ? tab : line.indexOf(':');
        if (sep <= 0) {
            throw new IllegalArgumentException("expected account<TAB>hash or account:hash");
        }
        String account = line.substring(0, sep).strip();
        String value = line.substring(sep + 1).strip();
        if (account.isEmpty() || value.isEmpty()) {
            throw new IllegalArgumentException("account or hash is empty");
        }
        if (format == HashFormat.BCRYPT) {
            return bcrypt(account, value, lineNo);
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (upper.startsWith("{SSHA512}")) {
            return salted(account, HashScheme.SSHA512, value.substring(9), 64, lineNo);
        }
        if (upper.startsWith("{SSHA}")) {
            return salted(account, HashScheme.SSHA, value.substring(6), 20, lineNo);
        }
        if (upper.startsWith("{SHA}")) {
            byte[] d = base64(value.substring(5));
            if (d.length != 20) {
                throw new IllegalArgumentException("{SHA} value must decode to 20 bytes, found " + d.length);
            }
            return new AccountHash(account, HashScheme.SHA, lineNo, d, new byte[0], "");
        }
        if (upper.startsWith("{CRYPT}")) {
            String c = value.substring(7);
            if (c.startsWith("$2")) {
                return bcrypt(account, c, lineNo);
            }
            if (!CRYPT.matcher(c).matches()) {
                throw new IllegalArgumentException(
                        c.startsWith("$1$") || c.startsWith("$5$") || c.startsWith("$6$")
                                ? "truncated or garbled crypt value"
                                : "unsupported {CRYPT} scheme (supported: $1$, $5$, $6$, $2a$/$2b$/$2y$)");
            }
            HashScheme s = c.startsWith("$1$")
                    ? HashScheme.MD5_CRYPT
                    : c.startsWith("$5$") ? HashScheme.SHA256_CRYPT : HashScheme.SHA512_CRYPT;
            int expected = s == HashScheme.MD5_CRYPT ? 22 : s == HashScheme.SHA256_CRYPT ? 43 : 86;
            if (c.length() - c.lastIndexOf('$') - 1 != expected) {
                throw new IllegalArgumentException("truncated or garbled crypt value");
            }
            return new AccountHash(account, s, lineNo, new byte[0], new byte[0], c);
        }
        int brace = value.indexOf('}');
        throw new IllegalArgumentException(
                value.startsWith("{") && brace > 0
                        ? "unsupported userPassword scheme " + value.substring(0, brace + 1)
                        : "userPassword value must start with {SHA}, {SSHA}, {SSHA512} or {CRYPT}");
    }

    private static AccountHash bcrypt(String account, String value, long lineNo) {
        if (!BCRYPT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "truncated or garbled bcrypt value (expected $2a$/$2b$/$2y$, cost, 53 characters)");
        }
        int cost = Integer.parseInt(value.substring(4, 6));
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost " + cost + " out of range 4..31");
        }
        return new AccountHash(account, HashScheme.BCRYPT, lineNo, new byte[0], new byte[0], value);
    }

    private static AccountHash salted(String account, HashScheme scheme, String b64, int digestLength, long lineNo) {
        byte[] all = base64(b64);
        if (all.length <= digestLength) {
            throw new IllegalArgumentException("{" + scheme + "} value too short: " + all.length + " bytes, expected "
                    + digestLength + " of digest and a salt");
        }
        byte[] digest = java.util.Arrays.copyOf(all, digestLength);
        byte[] salt = java.util.Arrays.copyOfRange(all, digestLength, all.length);
        return new AccountHash(account, scheme, lineNo, digest, salt, "");
    }

    private static byte[] base64(String s) {
        try {
            return Base64.getDecoder().decode(s.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("value is not valid base64");
        }
    }
}

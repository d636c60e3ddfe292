package vn.khien.core.accounts.hashes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.khien.core.accounts.AccountRule;

/**
 * The passwords the audit tries: vendor defaults and the common Vietnamese defaults of DOMAIN.md §9 (shared
 * by every account), the patterns built from each account's own name parts ({@code nguyen123},
 * {@code Nguyenvana@123}) and unit ({@code hatinh@2025}, {@code Sotttt@123}), and the bundled weak-password
 * dictionary, most common first. Immutable and thread-safe.
 */
public final class PasswordCandidates {
    static final String VENDOR = "vendor default";
    static final String VIETNAMESE = "common Vietnamese default";
    static final String EMPTY = "empty password";
    static final String NAME = "name-based";
    static final String UNIT = "unit-based";
    static final String DICTIONARY = "weak dictionary";

    private static final List<String> VENDOR_DEFAULTS = List.of(
            "admin",
            "password",
            "Password",
            "administrator",
            "root",
            "toor",
            "changeme",
            "default",
            "guest",
            "user",
            "test",
            "1234",
            "12345",
            "admin123",
            "admin@123",
            "Admin@123",
            "Admin123",
            "P@ssw0rd",
            "Passw0rd",
            "Password1",
            "Password@123",
            "welcome",
            "Welcome1",
            "manager",
            "support",
            "system",
            "letmein",
            "qwerty",
            "abc123",
            "ubnt",
            "cisco",
            "private",
            "public",
            "vnpt",
            "viettel",
            "fpt",
            "zte",
            "huawei",
            "Huawei@123",
            "Vnpt@123",
            "Viettel@123",
            "Fpt@123",
            "sa",
            "oracle",
            "postgres");
    private static final List<String> VIETNAMESE_DEFAULTS = List.of(
            "123456",
            "123456789",
            "12345678",
            "Demo@123",
            "demo@123",
            "123123",
            "Abc@123",
            "abc@123",
            "Abc@12345",
            "1234567890",
            "111111",
            "000000",
            "123456a",
            "Abc123",
            "Abcd@1234",
            "Matkhau123",
            "matkhau",
            "matkhau123",
            "Matkhau@123",
            "123qwe",
            "1qaz2wsx",
            "Qwerty@123",
            "Vietnam@123",
            "Hanoi@123",
            "Egov@123",
            "Motcua@123",
            "Dichvucong@123",
            "Ubnd@123");
    private static final Set<String> GENERIC_LABELS = Set.of(
            "gov",
            "vn",
            "com",
            "net",
            "org",
            "edu",
            "mail",
            "email",
            "www",
            "webmail",
            "portal",
            "local",
            "corp",
            "ad",
            "int",
            "intranet");

    private final List<Candidate> shared;
    private final List<Candidate> dictionary;
    private final int referenceYear;
    private final int recentYears;

    private PasswordCandidates(List<String> dictionary, int referenceYear, int recentYears) {
        Map<String, Candidate> s = new LinkedHashMap<>();
        s.put("", new Candidate("", AccountRule.DEFAULT, EMPTY));
        VENDOR_DEFAULTS.forEach(p -> s.putIfAbsent(p, new Candidate(p, AccountRule.DEFAULT, VENDOR)));
        VIETNAMESE_DEFAULTS.forEach(p -> s.putIfAbsent(p, new Candidate(p, AccountRule.DEFAULT, VIETNAMESE)));
        this.shared = List.copyOf(s.values());
        List<Candidate> d = new ArrayList<>();
        for (String p : dictionary) {
            if (!s.containsKey(p)) {
                d.add(new Candidate(p, AccountRule.WEAK, DICTIONARY));
            }
        }
        this.dictionary = List.copyOf(d);
        this.referenceYear = referenceYear;
        this.recentYears = recentYears;
    }

    /**
     * The bundled lists, with unit patterns for {@code recentYears} years up to {@code referenceYear}
     * ({@code <unit>@2025}, {@code <unit>@2024}, ...).
     */
    public static PasswordCandidates bundled(int referenceYear, int recentYears) {
        return new PasswordCandidates(readBundledDictionary(), referenceYear, recentYears);
    }

    /** Defaults as bundled, with {@code dictionary} (most common first) instead of the bundled one. */
    public static PasswordCandidates withDictionary(List<String> dictionary, int referenceYear, int recentYears) {
        return new PasswordCandidates(List.copyOf(dictionary), referenceYear, recentYears);
    }

    private static List<String> readBundledDictionary() {
        String name = "/vn/khien/core/accounts/weak-passwords.txt";
        try (InputStream in = Objects.requireNonNull(PasswordCandidates.class.getResourceAsStream(name), name);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> out = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isEmpty()) {
                    out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled dictionary " + name, e);
        }
    }

    /** Number of dictionary passwords. */
    public int dictionarySize() {
        return dictionary.size();
    }

    List<Candidate> shared() {
        return shared;
    }

    List<Candidate> dictionary() {
        return dictionary;
    }

    /** Name-based candidates from the account's user name parts. */
    List<Candidate> nameBased(String account) {
        String user = userPart(account);
        Set<String> bases = new LinkedHashSet<>();
        String letters = user.replaceAll("[^a-z]", "");
        if (letters.length() >= 2) {
            bases.add(letters);
        }
        for (String part : user.split("[^a-z]+")) {
            if (part.length() >= 2) {
                bases.add(part);
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (String b : bases) {
            String cap = capitalise(b);
            out.add(b);
            out.add(cap);
            out.add(b + "123");
            out.add(cap + "123");
            out.add(b + "@123");
            out.add(cap + "@123");
            out.add(b + "1234");
            out.add(b + "123456");
            out.add(cap + "@" + referenceYear);
            out.add(b + "@" + referenceYear);
            out.add(b + referenceYear);
            if (out.size() >= 60) {
                break;
            }
        }
        return toCandidates(out, NAME);
    }

    /** Unit-based candidates from the account's domain labels ({@code sotttt.hatinh.gov.vn}, {@code HATINH\\}). */
    List<Candidate> unitBased(String account) {
        List<String> units = unitLabels(account);
        Set<String> out = new LinkedHashSet<>();
        for (String u : units) {
            String cap = capitalise(u);
            String upper = u.toUpperCase(Locale.ROOT);
            out.add(u + "@123");
            out.add(cap + "@123");
            out.add(upper + "@123");
            out.add(u + "123");
            out.add(cap + "123");
            for (int y = referenceYear; y > referenceYear - recentYears; y--) {
                out.add(u + "@" + y);
                out.add(cap + "@" + y);
                out.add(upper + "@" + y);
                out.add(u + y);
            }
        }
        return toCandidates(out, UNIT);
    }

    /** The unit labels of an account: domain labels other than generic ones, most specific first. */
    static List<String> unitLabels(String account) {
        String a = account.toLowerCase(Locale.ROOT);
        List<String> labels = new ArrayList<>();
        int at = a.lastIndexOf('@');
        if (at >= 0) {
            for (String l : a.substring(at + 1).split("\\.")) {
                addLabel(labels, l);
            }
        }
        int slash = a.indexOf('\\');
        if (slash > 0) {
            for (String l : a.substring(0, slash).split("\\.")) {
                addLabel(labels, l);
            }
        }
        return labels;
    }

    private static void addLabel(List<String> labels, String label) {
        String l = label.replaceAll("[^a-z0-9]", "");
        if (l.length() >= 2 && !GENERIC_LABELS.contains(l) && !labels.contains(l)) {
            labels.add(l);
        }
    }

    private static String userPart(String account) {
        String a = account.toLowerCase(Locale.ROOT);
        int slash = a.lastIndexOf('\\');
        if (slash >= 0) {
            a = a.substring(slash + 1);
        }
        int at = a.indexOf('@');
        return at >= 0 ? a.substring(0, at) : a;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static List<Candidate> toCandidates(Set<String> passwords, String candidateClass) {
        List<Candidate> out = new ArrayList<>(passwords.size());
        for (String p : passwords) {
            out.add(new Candidate(p, AccountRule.DEFAULT, candidateClass));
        }
        return out;
    }

    @Override
    public String toString() {
        return "PasswordCandidates[" + shared.size() + " defaults, " + dictionary.size() + " dictionary]";
    }
}

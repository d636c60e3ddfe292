package vn.khien.core.accounts.hashes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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
    private final String[] nameSuffixes;

    private static final boolean[] NAME_CAPITALISED = {
        false, true, false, true, false, true, false, false, true, false, false
    };

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
        String y = Integer.toString(referenceYear);
        this.nameSuffixes = new String[] {"", "", "123", "123", "@123", "@123", "1234", "123456", "@" + y, "@" + y, y};
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

    /** Name-based candidates from the account's user name parts: {@link #namePatterns} of each base in turn. */
    List<Candidate> nameBased(String account) {
        List<Candidate> out = new ArrayList<>();
        for (String base : nameBases(account)) {
            out.addAll(namePatterns(base));
        }
        return out;
    }

    /** At most this many bases per account (the first six give 66 patterns). */
    private static final int MAX_NAME_BASES = 6;

    /**
     * The name bases of an account, most telling first: all the letters of its user name ({@code nguyenvana}
     * from {@code nguyen.van.a}), then each run of two or more letters ({@code nguyen}, {@code van}), at most
     * six; the list form of a {@link NameScan}.
     */
    List<String> nameBases(String account) {
        NameScan scan = new NameScan();
        scan.scan(account);
        List<String> out = new ArrayList<>(scan.bases());
        for (int b = 0; b < scan.bases(); b++) {
            out.add(b == 0 ? new String(scan.letterBuffer(), 0, scan.letters()) : scan.part(b));
        }
        return out;
    }

    /** A new scan, for one thread. */
    NameScan nameScan() {
        return new NameScan();
    }

    /**
     * A reusable scan of an account's name bases for the audit's hot loop ({@link #nameBases} in list form),
     * with the first (all the letters of the login) left in a buffer and only the parts after it made
     * strings. One pass over the user name; only a login with non-ASCII characters is lower-cased into a copy
     * first. Not thread-safe: one per thread.
     */
    final class NameScan {
        private char[] letters = new char[64];
        private int letterCount;
        private final String[] parts = new String[MAX_NAME_BASES - 1];
        private int partCount;
        /** Start and end (in {@code letters}) of each run of two or more letters. */
        private int[] runBounds = new int[16];

        /** Scans {@code account}; {@link #bases()} then tells how many bases it has. */
        void scan(String account) {
            letterCount = 0;
            partCount = 0;
            // ASCII letters are folded in the loop below; toLowerCase can also turn a non-ASCII character into
            // a-z (the Kelvin sign) or into two characters (dotted I), so such logins are lower-cased first
            String login = account;
            for (int i = 0; i < account.length(); i++) {
                if (account.charAt(i) >= 0x80) {
                    login = account.toLowerCase(Locale.ROOT);
                    break;
                }
            }
            int n = login.length();
            int from = login.lastIndexOf('\\') + 1;
            int at = login.indexOf('@', from);
            int to = at >= 0 ? at : n;
            if (letters.length < to - from) {
                letters = new char[to - from];
            }
            int runs = 0;
            int runStart = -1;
            for (int i = from; i <= to; i++) {
                char ch = i < to ? login.charAt(i) : '\0';
                if (ch >= 'A' && ch <= 'Z') {
                    ch += 'a' - 'A';
                }
                if (ch >= 'a' && ch <= 'z') {
                    if (runStart < 0) {
                        runStart = letterCount;
                    }
                    letters[letterCount++] = ch;
                } else if (runStart >= 0) {
                    if (letterCount - runStart >= 2) {
                        if (runs == runBounds.length / 2) {
                            runBounds = Arrays.copyOf(runBounds, 2 * runBounds.length);
                        }
                        runBounds[2 * runs] = runStart;
                        runBounds[2 * runs + 1] = letterCount;
                        runs++;
                    }
                    runStart = -1;
                }
            }
            if (letterCount < 2) {
                letterCount = 0;
                return;
            }
            for (int r = 0; r < runs && partCount < parts.length; r++) {
                int start = runBounds[2 * r];
                int end = runBounds[2 * r + 1];
                if (start == 0 && end == letterCount) {
                    continue; // the only run: the same as all the letters
                }
                addPart(new String(letters, start, end - start));
            }
        }

        /** Adds {@code part} unless an earlier part is the same. */
        private void addPart(String part) {
            for (int p = 0; p < partCount; p++) {
                if (parts[p].equals(part)) {
                    return;
                }
            }
            parts[partCount++] = part;
        }

        /** How many bases the account has: the letters, then the parts. */
        int bases() {
            return letterCount == 0 ? 0 : 1 + partCount;
        }

        /** The buffer holding base 0, all the letters of the login, in {@code [0, letters())}. */
        char[] letterBuffer() {
            return letters;
        }

        int letters() {
            return letterCount;
        }

        /** Base {@code b} (1 and up) as a string. */
        String part(int b) {
            return parts[b - 1];
        }
    }

    /**
     * The eleven patterns of one all-letter base ({@code nguyen}, {@code Nguyen@123},
     * {@code nguyen2025}, ...): pattern {@code i} is the base, capitalised when {@link #nameCapitalised}
     * says so, followed by {@link #nameSuffixes}{@code [i]}. Bases are distinct runs of letters, so patterns
     * of different bases never collide and a list keeps the order and count a set would.
     */
    List<Candidate> namePatterns(String b) {
        String cap = capitalise(b);
        List<String> out = new ArrayList<>(nameSuffixes.length);
        for (int i = 0; i < nameSuffixes.length; i++) {
            out.add((NAME_CAPITALISED[i] ? cap : b) + nameSuffixes[i]);
        }
        return toCandidates(out, NAME);
    }

    /** What follows the base in each name pattern, in pattern order. */
    String[] nameSuffixes() {
        return nameSuffixes.clone();
    }

    /** Whether name pattern {@code i} capitalises the base's first letter. */
    static boolean nameCapitalised(int i) {
        return NAME_CAPITALISED[i];
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
            addLabels(labels, a, at + 1, a.length());
        }
        int slash = a.indexOf('\\');
        if (slash > 0) {
            addLabels(labels, a, 0, slash);
        }
        return labels;
    }

    /** Adds the dot-separated labels of {@code a[from, to)}, each reduced to its letters and digits. */
    private static void addLabels(List<String> labels, String a, int from, int to) {
        StringBuilder l = new StringBuilder();
        for (int i = from; i <= to; i++) {
            char ch = i < to ? a.charAt(i) : '.';
            if (ch == '.') {
                String label = l.toString();
                if (label.length() >= 2 && !GENERIC_LABELS.contains(label) && !labels.contains(label)) {
                    labels.add(label);
                }
                l.setLength(0);
            } else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
                l.append(ch);
            }
        }
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static List<Candidate> toCandidates(Collection<String> passwords, String candidateClass) {
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

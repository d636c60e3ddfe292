package vn.khien.core.accounts.hashes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import vn.khien.core.accounts.AccountRule;
import vn.khien.core.accounts.NtHash;
import vn.khien.core.accounts.breached.BreachedHashStore;

/**
 * Audits account password hashes offline: default and weak passwords (candidates tried per account, so
 * salted hashes work), breached hashes (NTLM and SHA-1 stores) and hashes shared by several accounts.
 *
 * <p>Implementation notes: for unsalted schemes (NTLM, {@code {SHA}}) the shared defaults and the whole
 * dictionary are hashed once into a map, unit patterns once per unit, so an account costs one map lookup,
 * the hashes of its name patterns (eleven per name base, built in a per-thread buffer and, for NTLM,
 * compared by {@link NtHash#matches} without allocating) and one store lookup. Accounts are audited in
 * parallel on the common pool in chunks, each with its own buffers, writing only its own slots; a chunk
 * looks its hashes up in the store with {@link BreachedHashStore#containsEach}. Shared hashes are grouped by
 * an open-addressing table over the digests. For NTLM the pattern hashes of name parts ({@code nguyen},
 * {@code van}), which repeat across a province, are kept; those of a login's first base, all its letters,
 * are not: measured, keeping every base filled the cache with logins that never repeat and cost more in
 * collections than the hashing it saved. Name bases come from a per-thread {@code NameScan}, one pass over
 * an ASCII login. Salted schemes hash every candidate per account; slow ones (bcrypt, crypt) try only the
 * defaults, the account's own patterns and the first {@link AuditOptions#slowHashWeakLimit()} dictionary
 * passwords. Passwords recovered from candidates are also checked against the stores. Candidates and
 * hashes never leave this class; findings carry classes only. Thread-safe for concurrent {@link #audit}
 * calls.
 */
public final class HashAuditor {
    /** Accounts per parallel task: enough to amortise a task and fill the store's lookup blocks. */
    private static final int CHUNK = 512;

    private final PasswordCandidates candidates;
    private final AuditOptions options;
    private final @Nullable BreachedHashStore ntlmStore;
    private final @Nullable BreachedHashStore sha1Store;
    private final String[] nameSuffixes;
    private final int longestSuffix;
    private final Map<HashScheme, Map<String, Candidate>> sharedMaps = new ConcurrentHashMap<>();
    private final Map<HashScheme, Map<String, Map<String, Candidate>>> unitMaps = new ConcurrentHashMap<>();
    /** NT hash words of the name patterns of name parts, pattern after pattern: about 300 bytes a part. */
    private final Map<String, int[]> ntlmPartWords = new ConcurrentHashMap<>();

    /** Name parts kept in {@link #ntlmPartWords}: about 15 MB at most. */
    private static final int PART_CACHE_LIMIT = 50_000;

    /**
     * @param ntlmStore store of breached NT hashes, or {@code null}
     * @param sha1Store store of breached SHA-1 hashes, or {@code null}
     */
    public HashAuditor(
            PasswordCandidates candidates,
            AuditOptions options,
            @Nullable BreachedHashStore ntlmStore,
            @Nullable BreachedHashStore sha1Store) {
        this.candidates = candidates;
        this.options = options;
        this.ntlmStore = ntlmStore;
        this.sha1Store = sha1Store;
        this.nameSuffixes = candidates.nameSuffixes();
        this.longestSuffix =
                Arrays.stream(nameSuffixes).mapToInt(String::length).max().orElse(0);
    }

    /** Audits {@code hashes} and returns the findings in input order. */
    public AuditResult audit(List<AccountHash> hashes) {
        return audit(hashes, done -> {});
    }

    /**
     * Audits {@code hashes} and returns the findings in input order, telling {@code progress} how many
     * accounts are done after each chunk (counts only grow); an exception it throws, such as a
     * {@link java.util.concurrent.CancellationException}, ends the audit.
     */
    public AuditResult audit(List<AccountHash> hashes, LongConsumer progress) {
        int n = hashes.size();
        @SuppressWarnings("unchecked")
        List<AccountFinding>[] perAccount = new List[n];
        long[] done = {0};
        IntStream.range(0, (n + CHUNK - 1) / CHUNK).parallel().forEach(c -> {
            int from = c * CHUNK;
            int to = Math.min(n, from + CHUNK);
            auditChunk(hashes, from, to, perAccount);
            synchronized (done) {
                done[0] += to - from;
                progress.accept(done[0]);
            }
        });
        addSharedGroups(hashes, perAccount);
        List<AccountFinding> findings = new ArrayList<>();
        int slow = 0;
        for (int i = 0; i < n; i++) {
            if (perAccount[i] != null) {
                findings.addAll(perAccount[i]);
            }
            if (hashes.get(i).scheme().slow()) {
                slow++;
            }
        }
        return new AuditResult(findings, n, slow, options.slowHashWeakLimit(), ntlmStore != null, sha1Store != null);
    }

    /** Audits accounts {@code [from, to)}: candidates first, then the chunk's store lookups together. */
    private void auditChunk(List<AccountHash> hashes, int from, int to, List<AccountFinding>[] perAccount) {
        Scratch scratch = new Scratch();
        for (int i = from; i < to; i++) {
            AccountHash h = hashes.get(i);
            if (h.scheme().salted()) {
                perAccount[i] = auditSalted(h);
            } else {
                Candidate found = unsaltedCandidate(h, scratch);
                perAccount[i] = found == null ? null : finding(h, found);
            }
        }
        lookUpStore(hashes, from, to, HashScheme.NTLM, ntlmStore, perAccount);
        lookUpStore(hashes, from, to, HashScheme.SHA, sha1Store, perAccount);
    }

    private static List<AccountFinding> finding(AccountHash h, Candidate c) {
        List<AccountFinding> out = new ArrayList<>(2);
        out.add(new AccountFinding(h.account(), c.rule(), c.candidateClass(), h.line()));
        return out;
    }

    private static void add(List<AccountFinding>[] perAccount, int i, AccountFinding f) {
        if (perAccount[i] == null) {
            perAccount[i] = new ArrayList<>(2);
        }
        perAccount[i].add(f);
    }

    /** Adds a BREACHED finding to each account of {@code [from, to)} with a {@code scheme} hash in the store. */
    private static void lookUpStore(
            List<AccountHash> hashes,
            int from,
            int to,
            HashScheme scheme,
            @Nullable BreachedHashStore store,
            List<AccountFinding>[] perAccount) {
        if (store == null) {
            return;
        }
        int[] which = new int[to - from];
        byte[][] digests = new byte[to - from][];
        int k = 0;
        for (int i = from; i < to; i++) {
            AccountHash h = hashes.get(i);
            if (h.scheme() == scheme) {
                which[k] = i;
                digests[k++] = h.unsaltedDigest();
            }
        }
        if (k == 0) {
            return;
        }
        boolean[] found = new boolean[k];
        store.containsEach(k == digests.length ? digests : Arrays.copyOf(digests, k), found);
        String cls = "Pwned Passwords " + store.kind();
        for (int j = 0; j < k; j++) {
            if (found[j]) {
                AccountHash h = hashes.get(which[j]);
                add(perAccount, which[j], new AccountFinding(h.account(), AccountRule.BREACHED, cls, h.line()));
            }
        }
    }

    /** Numbers the groups of equal unsalted hashes in order of their first account and adds SHARED findings. */
    private static void addSharedGroups(List<AccountHash> hashes, List<AccountFinding>[] perAccount) {
        int n = hashes.size();
        int[] table = new int[Integer.highestOneBit(Math.max(1, 2 * n)) << 1];
        int mask = table.length - 1;
        int shift = 32 - Integer.numberOfTrailingZeros(table.length);
        int[] first = new int[n];
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            AccountHash h = hashes.get(i);
            byte[] d = h.unsaltedDigest();
            first[i] = -1;
            if (d == null) {
                continue;
            }
            int slot = (Arrays.hashCode(d) * 0x9E3779B9) >>> shift;
            while (true) {
                int at = table[slot] - 1;
                if (at < 0) {
                    table[slot] = i + 1;
                    first[i] = i;
                    break;
                }
                AccountHash other = hashes.get(at);
                if (other.scheme() == h.scheme() && Arrays.equals(other.unsaltedDigest(), d)) {
                    first[i] = at;
                    break;
                }
                slot = (slot + 1) & mask;
            }
            size[first[i]]++;
        }
        int[] group = new int[n];
        int groups = 0;
        for (int i = 0; i < n; i++) {
            int f = first[i];
            if (f < 0 || size[f] < 2) {
                continue;
            }
            if (f == i) {
                group[i] = ++groups;
            }
            String cls = "shared group " + group[f] + " of " + size[f] + " accounts";
            AccountHash h = hashes.get(i);
            add(perAccount, i, new AccountFinding(h.account(), AccountRule.SHARED, cls, h.line()));
        }
    }

    /** The default or weak candidate an unsalted hash is made of, or {@code null}. */
    private @Nullable Candidate unsaltedCandidate(AccountHash h, Scratch scratch) {
        byte[] digest = h.unsaltedDigest();
        if (digest == null) {
            return null;
        }
        HashScheme scheme = h.scheme();
        String k = key(digest);
        Candidate found = sharedMap(scheme).get(k);
        if (found != null && found.rule() == AccountRule.DEFAULT) {
            return found;
        }
        int[] words = scheme == HashScheme.NTLM ? NtHash.words(digest) : null;
        PasswordCandidates.NameScan names = scratch.names;
        names.scan(h.account());
        int bases = names.bases();
        if (bases > 0) {
            // the first base, all the letters of the login, is nearly always the account's own; the parts after
            // it (nguyen, van) repeat across the province, so for NTLM their pattern hashes are kept
            int i = namePattern(scheme, names.letterBuffer(), names.letters(), digest, words, scratch);
            if (i >= 0) {
                return candidates
                        .namePatterns(new String(names.letterBuffer(), 0, names.letters()))
                        .get(i);
            }
            for (int b = 1; b < bases; b++) {
                String part = names.part(b);
                i = words != null
                        ? cachedNamePattern(part, words, scratch)
                        : namePattern(scheme, part.toCharArray(), part.length(), digest, null, scratch);
                if (i >= 0) {
                    return candidates.namePatterns(part).get(i);
                }
            }
        }
        for (String unit : PasswordCandidates.unitLabels(h.account())) {
            Candidate own = unitMap(scheme, unit).get(k);
            if (own != null) {
                return own;
            }
        }
        return found;
    }

    /**
     * Which of the name patterns of the base {@code base[0, length)} hashes to {@code digest} (for NTLM, to
     * {@code words}), or -1.
     */
    private int namePattern(
            HashScheme scheme, char[] base, int length, byte[] digest, int @Nullable [] words, Scratch s) {
        char[] c = s.start(base, length);
        for (int i = 0; i < nameSuffixes.length; i++) {
            int len = s.pattern(i);
            boolean match = words != null
                    ? NtHash.matches(c, len, words, s.md4)
                    : Arrays.equals(digest, unsalted(scheme, new String(c, 0, len)));
            if (match) {
                return i;
            }
        }
        return -1;
    }

    /** Like {@link #namePattern} for an NTLM name part, from the kept words of all the part's patterns. */
    private int cachedNamePattern(String part, int[] words, Scratch s) {
        int[] all = ntlmPartWords.get(part);
        if (all == null) {
            char[] c = s.start(part.toCharArray(), part.length());
            all = new int[4 * nameSuffixes.length];
            for (int i = 0; i < nameSuffixes.length; i++) {
                NtHash.words(c, s.pattern(i), all, 4 * i, s.md4);
            }
            if (ntlmPartWords.size() < PART_CACHE_LIMIT) {
                ntlmPartWords.putIfAbsent(part, all);
            }
        }
        for (int i = 0; i < nameSuffixes.length; i++) {
            if (all[4 * i] == words[0]
                    && all[4 * i + 1] == words[1]
                    && all[4 * i + 2] == words[2]
                    && all[4 * i + 3] == words[3]) {
                return i;
            }
        }
        return -1;
    }

    /** One task's buffers: the account's name bases, the name pattern being hashed and MD4's words. */
    private final class Scratch {
        private final PasswordCandidates.NameScan names = candidates.nameScan();
        private char[] chars = new char[64];
        private int baseLength;
        private char lower;
        private char upper;
        private final int[] md4 = new int[NtHash.SCRATCH];

        /** Puts {@code base[0, length)} at the start of the pattern buffer and returns the buffer. */
        char[] start(char[] base, int length) {
            if (chars.length < length + longestSuffix) {
                chars = new char[Math.max(length + longestSuffix, 2 * chars.length)];
            }
            System.arraycopy(base, 0, chars, 0, length);
            baseLength = length;
            lower = base[0];
            upper = Character.toUpperCase(lower);
            return chars;
        }

        /** Writes name pattern {@code i} of the started base into the buffer and returns its length. */
        int pattern(int i) {
            String suffix = nameSuffixes[i];
            chars[0] = PasswordCandidates.nameCapitalised(i) ? upper : lower;
            suffix.getChars(0, suffix.length(), chars, baseLength);
            return baseLength + suffix.length();
        }
    }

    private List<AccountFinding> auditSalted(AccountHash h) {
        List<AccountFinding> out = new ArrayList<>(2);
        Candidate found = firstMatch(h, candidates.shared());
        if (found == null) {
            found = firstMatch(h, candidates.nameBased(h.account()));
        }
        if (found == null) {
            found = firstMatch(h, candidates.unitBased(h.account()));
        }
        if (found == null) {
            List<Candidate> dict = candidates.dictionary();
            if (h.scheme().slow()) {
                dict = dict.subList(0, Math.min(dict.size(), options.slowHashWeakLimit()));
            }
            found = firstMatch(h, dict);
        }
        if (found != null) {
            out.add(new AccountFinding(h.account(), found.rule(), found.candidateClass(), h.line()));
            if (ntlmStore != null && ntlmStore.contains(NtHash.of(found.password()))) {
                out.add(new AccountFinding(
                        h.account(), AccountRule.BREACHED, "Pwned Passwords NTLM (recovered password)", h.line()));
            } else if (sha1Store != null
                    && sha1Store.contains(AccountHash.sha("SHA-1", found.password(), new byte[0]))) {
                out.add(new AccountFinding(
                        h.account(), AccountRule.BREACHED, "Pwned Passwords SHA1 (recovered password)", h.line()));
            }
        }
        return out;
    }

    private static @Nullable Candidate firstMatch(AccountHash h, List<Candidate> list) {
        for (Candidate c : list) {
            if (h.matches(c.password())) {
                return c;
            }
        }
        return null;
    }

    private Map<String, Candidate> sharedMap(HashScheme scheme) {
        return sharedMaps.computeIfAbsent(scheme, s -> {
            Map<String, Candidate> m = new HashMap<>();
            for (Candidate c : candidates.shared()) {
                m.putIfAbsent(key(unsalted(s, c.password())), c);
            }
            for (Candidate c : candidates.dictionary()) {
                m.putIfAbsent(key(unsalted(s, c.password())), c);
            }
            return m;
        });
    }

    private Map<String, Candidate> unitMap(HashScheme scheme, String unit) {
        Map<String, Map<String, Candidate>> perUnit = unitMaps.computeIfAbsent(scheme, x -> new ConcurrentHashMap<>());
        Map<String, Candidate> m = perUnit.get(unit);
        return m != null
                ? m
                : perUnit.computeIfAbsent(unit, u -> {
                    Map<String, Candidate> built = new HashMap<>();
                    for (Candidate c : candidates.unitBased("x@" + u)) {
                        built.putIfAbsent(key(unsalted(scheme, c.password())), c);
                    }
                    return built;
                });
    }

    private static byte[] unsalted(HashScheme scheme, String password) {
        return scheme == HashScheme.NTLM ? NtHash.of(password) : AccountHash.sha("SHA-1", password, new byte[0]);
    }

    /** A map key holding the digest bytes one per char; lives in memory only. */
    private static String key(byte[] digest) {
        return new String(digest, StandardCharsets.ISO_8859_1);
    }
}

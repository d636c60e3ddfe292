package vn.khien.core.accounts.hashes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * the hashes of its name patterns (eleven per name base, compared as bytes; a base's digests are cached,
 * since name parts repeat) and one store lookup. Salted schemes hash every candidate per account; slow ones
 * (bcrypt, crypt) try only the defaults, the account's own patterns and the first
 * {@link AuditOptions#slowHashWeakLimit()} dictionary passwords. Accounts are audited in parallel on the
 * common pool, each writing only its own slot.
 * Passwords recovered from candidates are also checked against the stores. Candidates and hashes never
 * leave this class; findings carry classes only. Thread-safe for concurrent {@link #audit} calls.
 */
public final class HashAuditor {
    private final PasswordCandidates candidates;
    private final AuditOptions options;
    private final @Nullable BreachedHashStore ntlmStore;
    private final @Nullable BreachedHashStore sha1Store;
    private final Map<HashScheme, Map<String, Candidate>> sharedMaps = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Candidate>> unitMaps = new ConcurrentHashMap<>();
    private final Map<HashScheme, Map<String, byte[][]>> nameCaches = new ConcurrentHashMap<>();

    /** Name bases whose pattern digests are kept, per scheme: about 25 MB at most. */
    private static final int NAME_CACHE_LIMIT = 50_000;

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
    }

    /** Audits {@code hashes} and returns the findings in input order. */
    public AuditResult audit(List<AccountHash> hashes) {
        int n = hashes.size();
        @SuppressWarnings("unchecked")
        List<AccountFinding>[] perAccount = new List[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            AccountHash h = hashes.get(i);
            perAccount[i] = h.scheme().salted() ? auditSalted(h) : auditUnsalted(h);
        });
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            AccountHash h = hashes.get(i);
            byte[] d = h.unsaltedDigest();
            if (d != null) {
                groups.computeIfAbsent(h.scheme() + ":" + key(d), k -> new ArrayList<>())
                        .add(i);
            }
        }
        int group = 0;
        for (List<Integer> members : groups.values()) {
            if (members.size() < 2) {
                continue;
            }
            group++;
            String cls = "shared group " + group + " of " + members.size() + " accounts";
            for (int i : members) {
                AccountHash h = hashes.get(i);
                perAccount[i].add(new AccountFinding(h.account(), AccountRule.SHARED, cls, h.line()));
            }
        }
        List<AccountFinding> findings = new ArrayList<>();
        int slow = 0;
        for (int i = 0; i < n; i++) {
            findings.addAll(perAccount[i]);
            if (hashes.get(i).scheme().slow()) {
                slow++;
            }
        }
        return new AuditResult(findings, n, slow, options.slowHashWeakLimit(), ntlmStore != null, sha1Store != null);
    }

    private List<AccountFinding> auditUnsalted(AccountHash h) {
        List<AccountFinding> out = new ArrayList<>(2);
        byte[] digest = h.unsaltedDigest();
        if (digest == null) {
            return out;
        }
        HashScheme scheme = h.scheme();
        String k = key(digest);
        Candidate found = sharedMap(scheme).get(k);
        if (found == null || found.rule() != AccountRule.DEFAULT) {
            Candidate own = null;
            for (String base : candidates.nameBases(h.account())) {
                byte[][] patterns = nameDigests(scheme, base);
                for (int i = 0; i < patterns.length && own == null; i++) {
                    if (Arrays.equals(patterns[i], digest)) {
                        own = candidates.namePatterns(base).get(i);
                    }
                }
                if (own != null) {
                    break;
                }
            }
            if (own == null) {
                for (String unit : PasswordCandidates.unitLabels(h.account())) {
                    own = unitMap(scheme, unit).get(k);
                    if (own != null) {
                        break;
                    }
                }
            }
            if (own != null) {
                found = own;
            }
        }
        if (found != null) {
            out.add(new AccountFinding(h.account(), found.rule(), found.candidateClass(), h.line()));
        }
        BreachedHashStore store = scheme == HashScheme.NTLM ? ntlmStore : sha1Store;
        if (store != null && store.contains(digest)) {
            out.add(new AccountFinding(h.account(), AccountRule.BREACHED, "Pwned Passwords " + store.kind(), h.line()));
        }
        return out;
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

    /**
     * The unsalted digests of a name base's patterns, in pattern order; cached because the parts of
     * Vietnamese names repeat across a province's accounts ({@code nguyen}, {@code van}, {@code thi}).
     */
    private byte[][] nameDigests(HashScheme scheme, String base) {
        Map<String, byte[][]> cache = nameCaches.computeIfAbsent(scheme, s -> new ConcurrentHashMap<>());
        byte[][] digests = cache.get(base);
        if (digests == null) {
            List<Candidate> patterns = candidates.namePatterns(base);
            digests = new byte[patterns.size()][];
            for (int i = 0; i < digests.length; i++) {
                digests[i] = unsalted(scheme, patterns.get(i).password());
            }
            if (cache.size() < NAME_CACHE_LIMIT) {
                cache.putIfAbsent(base, digests);
            }
        }
        return digests;
    }

    private Map<String, Candidate> unitMap(HashScheme scheme, String unit) {
        return unitMaps.computeIfAbsent(scheme + ":" + unit, u -> {
            Map<String, Candidate> m = new HashMap<>();
            for (Candidate c : candidates.unitBased("x@" + unit)) {
                m.putIfAbsent(key(unsalted(scheme, c.password())), c);
            }
            return m;
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

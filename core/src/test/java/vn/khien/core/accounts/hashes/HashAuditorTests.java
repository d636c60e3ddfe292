package vn.khien.core.accounts.hashes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.khien.core.accounts.AccountRule;
import vn.khien.core.accounts.NtHash;
import vn.khien.core.accounts.breached.BreachedHashStore;
import vn.khien.core.accounts.breached.BreachedStoreBuilder;

class HashAuditorTests {
    private final HashFileParser parser = new HashFileParser();
    private final PasswordCandidates candidates = PasswordCandidates.bundled(2025, 6);
    private final AuditOptions options = new AuditOptions(20, 2025, 6);

    private static InputStream resource(String name) {
        return Objects.requireNonNull(HashAuditorTests.class.getResourceAsStream(name), name);
    }

    @Test
    void auditsRealNtHashesOfKnownPasswords(@TempDir Path dir) throws IOException {
        HashFileParser.Parsed parsed = parser.parse(resource("/ntlm/pwdump.txt"), HashFormat.NTLM);
        assertThat(parsed.report().rejections()).extracting(r -> r.line()).containsExactly(8L, 10L);
        // a breached store holding the strong password's NT hash
        Path text = dir.resolve("ntlm.txt");
        Files.writeString(
                text,
                HexFormat.of().formatHex(NtHash.of("Xk9#mQ2v!Lz7")).toUpperCase() + ":3\r\n",
                StandardCharsets.US_ASCII);
        new BreachedStoreBuilder().build(List.of(text), dir, n -> {});
        try (BreachedHashStore store = BreachedHashStore.open(dir.resolve("ntlm.khs"))) {
            AuditResult result = new HashAuditor(candidates, options, store, null).audit(parsed.hashes());

            assertThat(result.findings())
                    .extracting(AccountFinding::account, AccountFinding::rule, AccountFinding::candidateClass)
                    .containsExactly(
                            tuple("HATINH\\administrator", AccountRule.DEFAULT, "vendor default"),
                            tuple("HATINH\\nguyenvana", AccountRule.DEFAULT, "name-based"),
                            tuple("HATINH\\ketoan", AccountRule.DEFAULT, "unit-based"),
                            tuple("HATINH\\tranthib", AccountRule.DEFAULT, "common Vietnamese default"),
                            tuple("HATINH\\tranthib", AccountRule.SHARED, "shared group 1 of 2 accounts"),
                            tuple("HATINH\\lethic", AccountRule.DEFAULT, "common Vietnamese default"),
                            tuple("HATINH\\lethic", AccountRule.SHARED, "shared group 1 of 2 accounts"),
                            tuple("HATINH\\phamvand", AccountRule.BREACHED, "Pwned Passwords NTLM"),
                            tuple("HATINH\\vovane", AccountRule.WEAK, "weak dictionary"),
                            tuple("Guest", AccountRule.DEFAULT, "empty password"));
            assertThat(result.ntlmStoreChecked()).isTrue();
        }
    }

    @Test
    void findsNamePatternsOfNamePartsSharedByManyAccountsAndStopsAtSixBases() {
        List<AccountHash> accounts = List.of(
                AccountHash.ntlm("HATINH\\nguyen.van.an", NtHash.of("Nguyen@2025")),
                AccountHash.ntlm("HATINH\\nguyen.thi.binh", NtHash.of("nguyen123456")),
                AccountHash.ntlm("nguyen.van.chi@hatinh.gov.vn", NtHash.of("Van@123")),
                AccountHash.ntlm("HATINH\\tran.van.an", NtHash.of("Tranvanan#2026")),
                // seven name bases (all letters, then six parts): the seventh, "gg", is not tried
                AccountHash.ntlm("HATINH\\aa.bb.cc.dd.ee.ff.gg", NtHash.of("gg123")),
                AccountHash.ntlm("HATINH\\aa.bb.cc.dd.ee.ff.gg2", NtHash.of("ee2025")));
        AuditResult result = new HashAuditor(candidates, options, null, null).audit(accounts);
        assertThat(result.findings())
                .extracting(AccountFinding::account, AccountFinding::candidateClass)
                .containsExactly(
                        tuple("HATINH\\nguyen.van.an", "name-based"),
                        tuple("HATINH\\nguyen.thi.binh", "name-based"),
                        tuple("nguyen.van.chi@hatinh.gov.vn", "name-based"),
                        tuple("HATINH\\aa.bb.cc.dd.ee.ff.gg2", "name-based"));
    }

    @Test
    void auditsSaltedLdapValuesPerAccount() throws IOException {
        HashFileParser.Parsed parsed = parser.parse(resource("/ldap/users.tsv"), HashFormat.LDAP);
        assertThat(parsed.report().rejections()).extracting(r -> r.line()).containsExactly(12L, 13L);
        assertThat(parsed.report().rejections().get(1).reason()).contains("{MD5}");

        AuditResult result = new HashAuditor(candidates, options, null, null).audit(parsed.hashes());

        assertThat(result.findings())
                .extracting(AccountFinding::account, AccountFinding::rule, AccountFinding::candidateClass)
                .containsExactly(
                        tuple(
                                "uid=a.nguyen,ou=people,dc=hatinh,dc=gov,dc=vn",
                                AccountRule.DEFAULT,
                                "common Vietnamese default"),
                        tuple("b.tran@sotttt.hatinh.gov.vn", AccountRule.DEFAULT, "unit-based"),
                        tuple("c.le@hatinh.gov.vn", AccountRule.DEFAULT, "common Vietnamese default"),
                        tuple("d.pham@hatinh.gov.vn", AccountRule.DEFAULT, "vendor default"),
                        tuple("d.pham@hatinh.gov.vn", AccountRule.SHARED, "shared group 1 of 2 accounts"),
                        tuple("e.vo@hatinh.gov.vn", AccountRule.DEFAULT, "vendor default"),
                        tuple("e.vo@hatinh.gov.vn", AccountRule.SHARED, "shared group 1 of 2 accounts"),
                        tuple("g.weak@hatinh.gov.vn", AccountRule.WEAK, "weak dictionary"),
                        tuple("h.admin@hatinh.gov.vn", AccountRule.DEFAULT, "vendor default"),
                        tuple("i.vnpt@hatinh.gov.vn", AccountRule.DEFAULT, "vendor default"),
                        tuple("nguyen@hatinh.gov.vn", AccountRule.DEFAULT, "name-based"));
        assertThat(result.slowHashAccounts()).isEqualTo(4);
        assertThat(result.slowHashWeakLimit()).isEqualTo(20);
    }

    @Test
    void triesOnlyTheTopDictionaryPasswordsAgainstBcrypt() throws IOException {
        HashFileParser.Parsed parsed = parser.parse(resource("/bcrypt/users.txt"), HashFormat.BCRYPT);
        assertThat(parsed.report().rejections()).extracting(r -> r.line()).containsExactly(4L);

        PasswordCandidates dict = PasswordCandidates.withDictionary(List.of("U*U", "filler", "U*U*"), 2025, 1);
        AuditResult limited = new HashAuditor(dict, new AuditOptions(1, 2025, 1), null, null).audit(parsed.hashes());
        AuditResult full = new HashAuditor(dict, new AuditOptions(3, 2025, 1), null, null).audit(parsed.hashes());

        assertThat(limited.findings()).extracting(AccountFinding::account).containsExactly("u1@hatinh.gov.vn");
        assertThat(full.findings())
                .extracting(AccountFinding::account, AccountFinding::rule)
                .containsExactly(
                        tuple("u1@hatinh.gov.vn", AccountRule.WEAK), tuple("u2@hatinh.gov.vn", AccountRule.WEAK));
    }

    @Test
    void reportsGrowingProgressUpToEveryAccountAndStopsWhenProgressThrows() {
        List<AccountHash> accounts = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            accounts.add(AccountHash.ntlm("HATINH\\user" + i, NtHash.of(i % 10 == 0 ? "123456" : "Xk9#mQ2v!" + i)));
        }
        HashAuditor auditor = new HashAuditor(candidates, options, null, null);
        List<Long> reports = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        AuditResult result = auditor.audit(accounts, reports::add);

        assertThat(result.findings()).hasSize(500 + 500);
        assertThat(reports).isSorted().last().isEqualTo(5_000L);
        assertThat(reports.size()).isGreaterThan(1);
        assertThatThrownBy(() -> auditor.audit(accounts, done -> {
                    throw new java.util.concurrent.CancellationException("cancelled");
                }))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
    }

    @Test
    void neverShowsHashesInToStringOrRejections() throws IOException {
        HashFileParser.Parsed parsed = parser.parse(resource("/ntlm/pwdump.txt"), HashFormat.NTLM);
        String shown = parsed.hashes().toString() + parsed.report().rejections();
        assertThat(shown)
                .doesNotContainIgnoringCase("8846f7eaee8fb117ad06bdd830b7586c")
                .doesNotContainIgnoringCase("8846f7eaee8fb117ad06bd")
                .doesNotContainIgnoringCase("a9262a62e297016f32e9937dbe346087")
                .contains("<redacted>");
    }
}

package vn.khien.core.accounts.hashes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PasswordCandidatesTests {
    private final PasswordCandidates candidates = PasswordCandidates.bundled(2025, 6);

    /**
     * The name bases as the audit first computed them (lower-case the login, take the user part, collect its
     * letters and its runs of two or more letters, drop repeats, keep six): the reference the one-pass scan
     * must agree with.
     */
    private static List<String> reference(String account) {
        String a = account.toLowerCase(Locale.ROOT);
        a = a.substring(a.lastIndexOf('\\') + 1);
        String user = a.indexOf('@') >= 0 ? a.substring(0, a.indexOf('@')) : a;
        StringBuilder letters = new StringBuilder();
        List<String> parts = new ArrayList<>();
        int partStart = -1;
        for (int i = 0; i <= user.length(); i++) {
            char ch = i < user.length() ? user.charAt(i) : '\0';
            if (ch >= 'a' && ch <= 'z') {
                letters.append(ch);
                partStart = partStart < 0 ? i : partStart;
            } else if (partStart >= 0) {
                if (i - partStart >= 2) {
                    parts.add(user.substring(partStart, i));
                }
                partStart = -1;
            }
        }
        Set<String> bases = new LinkedHashSet<>();
        if (letters.length() >= 2) {
            bases.add(letters.toString());
            bases.addAll(parts);
        }
        return new ArrayList<>(bases).subList(0, Math.min(6, bases.size()));
    }

    private static List<String> scanned(PasswordCandidates.NameScan scan, String account) {
        scan.scan(account);
        List<String> out = new ArrayList<>();
        for (int b = 0; b < scan.bases(); b++) {
            out.add(b == 0 ? new String(scan.letterBuffer(), 0, scan.letters()) : scan.part(b));
        }
        return out;
    }

    @Test
    void nameScanGivesTheBasesOfNameBasesInOrder() {
        PasswordCandidates.NameScan scan = candidates.nameScan();
        List<String> accounts = List.of(
                "HATINH\\nguyen.van.an",
                "nguyen.van.chi@hatinh.gov.vn",
                "HATINH\\Nguyen.Van.An",
                "nguyenvana",
                "a1",
                "",
                "\\",
                "@hatinh.gov.vn",
                "DOMAIN\\sub\\tran.thi.b@x.vn",
                "nguyen.nguyen",
                "van.an.van.an",
                "aa.bb.cc.dd.ee.ff.gg",
                "aa.bb.cc.dd.ee.ff.gg.hh.aa",
                "x.y.z",
                "le-van_teo99",
                "ĐỗVăn.Thành@hatinh.gov.vn",
                "\u212Aelvin.sign",
                "İstanbul.nguyen",
                "nguyen.van." + "a".repeat(100));
        for (String account : accounts) {
            assertThat(scanned(scan, account)).as(account).isEqualTo(reference(account));
            assertThat(candidates.nameBases(account)).as(account).isEqualTo(reference(account));
        }
    }

    @Test
    void nameScanAgreesWithNameBasesOnRandomLogins() {
        PasswordCandidates.NameScan scan = candidates.nameScan();
        SplittableRandom r = new SplittableRandom(11);
        String alphabet = "abcdeABCDE.._-@\\19ăđ";
        for (int t = 0; t < 20_000; t++) {
            StringBuilder a = new StringBuilder();
            int n = r.nextInt(24);
            for (int i = 0; i < n; i++) {
                // mostly ASCII, so the one-pass scan is the one compared
                a.append(alphabet.charAt(r.nextInt(t % 10 == 0 ? alphabet.length() : alphabet.length() - 2)));
            }
            String account = a.toString();
            assertThat(scanned(scan, account)).as(account).isEqualTo(reference(account));
            assertThat(candidates.nameBases(account)).as(account).isEqualTo(reference(account));
        }
    }
}

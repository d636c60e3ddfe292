package vn.khien.core.accounts.hashes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PasswordCandidatesTests {
    private final PasswordCandidates candidates = PasswordCandidates.bundled(2025, 6);

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
            assertThat(scanned(scan, account)).as(account).isEqualTo(candidates.nameBases(account));
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
            assertThat(scanned(scan, account)).as(account).isEqualTo(candidates.nameBases(account));
        }
    }
}

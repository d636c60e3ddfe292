package vn.khien.core.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainSetTests {
    private static DomainSet of(String... names) {
        DomainSet.Builder b = DomainSet.builder();
        for (int i = 0; i < names.length; i++) {
            b.add(names[i], i);
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "evil.com, 0",
        "a.b.evil.com, 0",
        "A.B.EVIL.COM., 0",
        "notevil.com, -1",
        "evil.com.example.net, -1",
        "com, -1",
        "x.bad.evil.com, 1",
        "bad.evil.com, 1",
        "xn--bcher-kva.example, 2",
        "www.bücher.example, 2",
        "WWW.BÜCHER.EXAMPLE., 2",
        "'', -1",
        "., -1"
    })
    void matchesExactAndLabelAlignedParents(String query, int expected) {
        DomainSet set = of("evil.com", "bad.evil.com", "bücher.example");
        assertThat(set.longestSuffix(query)).isEqualTo(expected);
        byte[] raw = query.getBytes(StandardCharsets.UTF_8);
        assertThat(set.longestSuffix(raw, 0, raw.length)).isEqualTo(expected);
    }

    @Test
    void exactIgnoresParents() {
        DomainSet set = of("evil.com");
        assertThat(set.exact("EVIL.com.")).isZero();
        assertThat(set.exact("a.evil.com")).isEqualTo(DomainSet.NO_MATCH);
    }

    @Test
    void matchesInsideALargerBufferWithoutCopying() {
        DomainSet set = of("evil.com");
        byte[] line = "query: Mail.Evil.Com IN A".getBytes(StandardCharsets.US_ASCII);
        assertThat(set.longestSuffix(line, 7, 20)).isZero();
        assertThat(set.longestSuffix(line, 8, 20)).isZero();
        assertThat(set.longestSuffix(line, 13, 20)).isEqualTo(DomainSet.NO_MATCH);
    }

    @Test
    void dropsDuplicatesKeepingTheFirstPayloadAndRejectsInvalidNames() {
        DomainSet.Builder b = DomainSet.builder();
        assertThat(b.add("evil.com", 7)).isTrue();
        assertThat(b.add("EVIL.COM.", 8)).isTrue();
        assertThat(b.add("bad..name", 9)).isFalse();
        assertThat(b.add("space in.name", 9)).isFalse();
        assertThat(b.add("a".repeat(64) + ".com", 9)).isFalse();
        DomainSet set = b.build();
        assertThat(set.size()).isEqualTo(1);
        assertThat(set.duplicates()).isEqualTo(1);
        assertThat(set.longestSuffix("x.evil.com")).isEqualTo(7);
        assertThat(b.invalid()).isEqualTo(3);
    }

    @Test
    void buildsFromTextLinesSkippingCommentsAndBlanks() {
        byte[] text = "# list\nEvil.com\n\n  bad.example.  # trailing comment\nnot!valid\r\nok.test\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        DomainSet set = DomainSet.fromLines(text);
        assertThat(set.size()).isEqualTo(3);
        assertThat(set.longestSuffix("a.evil.com")).isZero();
        assertThat(set.longestSuffix("bad.example")).isEqualTo(1);
        assertThat(set.longestSuffix("ok.test")).isEqualTo(2);
        assertThat(set.nameOf(1)).isEqualTo("bad.example");
    }

    @Test
    void emptySetMatchesNothing() {
        DomainSet set = DomainSet.builder().build();
        assertThat(set.longestSuffix("evil.com")).isEqualTo(DomainSet.NO_MATCH);
        assertThat(set.size()).isZero();
    }

    @Test
    void agreesWithANaiveSuffixWalkOnRandomNames() {
        Random rnd = new Random(42);
        List<String> members = new ArrayList<>();
        Map<String, Integer> reference = new HashMap<>();
        DomainSet.Builder b = DomainSet.builder();
        for (int i = 0; i < 20_000; i++) {
            String d = randomName(rnd, 1 + rnd.nextInt(3));
            members.add(d);
            b.add(d, i);
            reference.putIfAbsent(d, i);
        }
        DomainSet set = b.build();
        assertThat(set.size()).isEqualTo(reference.size());
        for (int i = 0; i < 50_000; i++) {
            String q =
                    switch (i % 4) {
                        case 0 -> randomName(rnd, 1) + "." + members.get(rnd.nextInt(members.size()));
                        case 1 -> "x" + members.get(rnd.nextInt(members.size()));
                        case 2 -> members.get(rnd.nextInt(members.size())) + ".example.net";
                        default -> randomName(rnd, 2 + rnd.nextInt(3));
                    };
            assertThat(set.longestSuffix(q.toUpperCase())).as(q).isEqualTo(naive(reference, q));
        }
    }

    private static int naive(Map<String, Integer> ref, String q) {
        String n = q;
        while (true) {
            Integer v = ref.get(n);
            if (v != null) {
                return v;
            }
            int dot = n.indexOf('.');
            if (dot < 0) {
                return -1;
            }
            n = n.substring(dot + 1);
        }
    }

    private static String randomName(Random rnd, int labels) {
        StringBuilder s = new StringBuilder();
        for (int l = 0; l < labels; l++) {
            int len = 1 + rnd.nextInt(4);
            for (int i = 0; i < len; i++) {
                s.append((char) ('a' + rnd.nextInt(3)));
            }
            s.append('.');
        }
        return s.append(rnd.nextBoolean() ? "com" : "vn").toString();
    }

    @Test
    void accountsItsMemory() {
        DomainSet set = of("evil.com", "bad.evil.com");
        assertThat(set.memoryBytes()).isBetween(40L, 200L);
    }
}

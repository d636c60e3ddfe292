package vn.khien.core.accounts.breached;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.khien.core.accounts.HashKind;

class BreachedHashStoreTests {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private static List<byte[]> randomHashes(int n, int length, long seed) {
        Random r = new Random(seed);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] h = new byte[length];
            r.nextBytes(h);
            out.add(h);
        }
        return out;
    }

    private static void writeText(Path file, List<byte[]> hashes, boolean sort) throws IOException {
        List<String> lines = new ArrayList<>();
        for (byte[] h : hashes) {
            lines.add(HEX.formatHex(h) + ":" + (1 + (h[0] & 7)));
        }
        if (sort) {
            Collections.sort(lines);
        }
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.US_ASCII);
    }

    @Test
    void findsPresentAndMissesAbsentHashesInASortedDownload(@TempDir Path dir) throws IOException {
        List<byte[]> present = randomHashes(20_000, 20, 1);
        Path text = dir.resolve("pwned-passwords-sha1-ordered-by-hash.txt");
        writeText(text, present, true);

        BreachedStoreBuilder.Result result = new BreachedStoreBuilder().build(List.of(text), dir, n -> {});

        assertThat(result.kind()).isEqualTo(HashKind.SHA1);
        assertThat(result.inputSorted()).isTrue();
        assertThat(result.count()).isEqualTo(20_000);
        try (BreachedHashStore store = BreachedHashStore.open(result.store())) {
            store.verify();
            assertThat(present).allMatch(store::contains);
            assertThat(randomHashes(20_000, 20, 2)).noneMatch(store::contains);
        }
    }

    @Test
    void looksUpABlockAtATimeWithTheAnswersOfOneByOneLookups(@TempDir Path dir) throws IOException {
        for (int length : new int[] {16, 20}) {
            List<byte[]> present = randomHashes(5_000, length, 3 + length);
            Path text = dir.resolve("pwned-" + length + ".txt");
            writeText(text, present, true);
            Path storeDir = dir.resolve("store-" + length);
            BreachedStoreBuilder.Result result = new BreachedStoreBuilder().build(List.of(text), storeDir, n -> {});
            Random r = new Random(length);
            List<byte[]> queries = new ArrayList<>();
            int unchanged = 0;
            for (int i = 0; i < 3_000; i++) {
                byte[] q = present.get(r.nextInt(present.size())).clone();
                int kind = r.nextInt(4);
                if (kind == 0) {
                    unchanged++;
                } else if (kind == 1) {
                    q[length - 1] ^= 1; // same bucket and leading words, differs in the last byte
                } else if (kind == 2) {
                    q[9] ^= (byte) 0x80; // differs in the second word
                } else if (kind == 3) {
                    r.nextBytes(q);
                }
                queries.add(q);
            }
            try (BreachedHashStore store = BreachedHashStore.open(result.store())) {
                for (int size : new int[] {0, 1, 31, 32, 33, 65, 3_000}) {
                    byte[][] batch = queries.subList(0, size).toArray(new byte[0][]);
                    boolean[] found = new boolean[size + 1];
                    found[size] = true;
                    int expected = 0;
                    int hits = store.containsEach(batch, found);
                    for (int i = 0; i < size; i++) {
                        assertThat(found[i]).as("query %d of %d", i, size).isEqualTo(store.contains(batch[i]));
                        expected += found[i] ? 1 : 0;
                    }
                    assertThat(hits).isEqualTo(expected);
                    assertThat(found[size]).as("slot past the batch untouched").isTrue();
                }
                assertThat(store.containsEach(queries.toArray(new byte[0][]), new boolean[3_000]))
                        .isEqualTo(unchanged);
                assertThatThrownBy(
                                () -> store.containsEach(new byte[][] {new byte[length], new byte[3]}, new boolean[2]))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("got 3");
                assertThatThrownBy(() -> store.containsEach(new byte[][] {new byte[length]}, new boolean[0]))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Test
    void bucketFiltersLetEveryStoredHashThroughAndAnswerMostAbsentOnes(@TempDir Path dir) throws IOException {
        for (boolean sorted : new boolean[] {true, false}) {
            List<byte[]> present = randomHashes(20_000, 16, sorted ? 21 : 22);
            Path text = dir.resolve("pwned-" + sorted + ".txt");
            writeText(text, present, sorted);
            Path storeDir = dir.resolve("store-" + sorted);
            BreachedStoreBuilder.Result result =
                    new BreachedStoreBuilder(sorted ? 1_000_000 : 3_000).build(List.of(text), storeDir, n -> {});
            assertThat(result.inputSorted()).isEqualTo(sorted);
            try (BreachedHashStore store = BreachedHashStore.open(result.store())) {
                store.verify();
                assertThat(present).allMatch(store::contains);
                assertThat(store.filterPasses(present.toArray(new byte[0][]))).isEqualTo(present.size());
                byte[][] absent = randomHashes(100_000, 16, 99).toArray(new byte[0][]);
                int passed = store.filterPasses(absent);
                assertThat(passed)
                        .as("absent hashes the bucket filters let through")
                        .isBetween(1, 5_000);
                assertThat(store.containsEach(absent, new boolean[absent.length]))
                        .isZero();
            }
        }
    }

    @Test
    void readsAVersionOneStoreWithoutBucketFilters(@TempDir Path dir) throws IOException {
        List<byte[]> present = randomHashes(3_000, 20, 31);
        Path text = dir.resolve("sha1.txt");
        writeText(text, present, true);
        Path v2 = new BreachedStoreBuilder().build(List.of(text), dir, n -> {}).store();
        byte[] file = Files.readAllBytes(v2);
        int bits = file[11];
        int data = 64 + 3_000 * 20;
        int entries = (1 << bits) + 1;
        assertThat(file.length).isEqualTo(data + 8 * entries);
        // version 1: the same header and hashes, index entries of the position only
        ByteBuffer v1 = ByteBuffer.allocate(data + 4 * entries);
        v1.put(file, 0, data);
        ByteBuffer index = ByteBuffer.wrap(file, data, 8 * entries).slice();
        CRC32C indexCrc = new CRC32C();
        for (int i = 0; i < entries; i++) {
            v1.putInt(index.getInt(8 * i));
        }
        indexCrc.update(v1.array(), data, 4 * entries);
        v1.putShort(8, (short) 1).putInt(28, (int) indexCrc.getValue());
        CRC32C crc = new CRC32C();
        crc.update(v1.array(), 0, 60);
        v1.putInt(60, (int) crc.getValue());
        Path old = dir.resolve("old").resolve("sha1.khs");
        Files.createDirectories(old.getParent());
        Files.write(old, v1.array());
        try (BreachedHashStore store = BreachedHashStore.open(old)) {
            store.verify();
            assertThat(present).allMatch(store::contains);
            assertThat(randomHashes(5_000, 20, 32)).noneMatch(store::contains);
            assertThat(store.filterPasses(randomHashes(100, 20, 33).toArray(new byte[0][])))
                    .as("without bucket filters every hash goes on to the search")
                    .isEqualTo(100);
        }
    }

    @Test
    void sortsUnsortedInputInChunksAndDropsDuplicates(@TempDir Path dir) throws IOException {
        List<byte[]> hashes = randomHashes(5_000, 16, 3);
        List<byte[]> withDuplicates = new ArrayList<>(hashes);
        withDuplicates.addAll(hashes.subList(0, 700));
        Collections.shuffle(withDuplicates, new Random(4));
        Path text = dir.resolve("ntlm.txt");
        writeText(text, withDuplicates, false);

        BreachedStoreBuilder.Result result = new BreachedStoreBuilder(1_000).build(List.of(text), dir, n -> {});

        assertThat(result.kind()).isEqualTo(HashKind.NTLM);
        assertThat(result.inputSorted()).isFalse();
        assertThat(result.count()).isEqualTo(5_000);
        assertThat(result.report().duplicates()).isEqualTo(700);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("ntlm.txt", "ntlm.khs");
        try (BreachedHashStore store = BreachedHashStore.open(dir.resolve("ntlm.khs"))) {
            store.verify();
            assertThat(hashes).allMatch(store::contains);
            assertThat(randomHashes(5_000, 16, 5)).noneMatch(store::contains);
        }
    }

    @Test
    void readsAFolderOfPerPrefixRangeFiles(@TempDir Path dir) throws IOException {
        Path ranges = Files.createDirectory(dir.resolve("ranges"));
        List<byte[]> hashes = randomHashes(3_000, 16, 6);
        TreeMap<String, List<String>> byPrefix = new TreeMap<>();
        for (byte[] h : hashes) {
            String hex = HEX.formatHex(h);
            byPrefix.computeIfAbsent(hex.substring(0, 5), k -> new ArrayList<>())
                    .add(hex.substring(5) + ":2");
        }
        for (var e : byPrefix.entrySet()) {
            Collections.sort(e.getValue());
            Files.writeString(ranges.resolve(e.getKey() + ".txt"), String.join("\r\n", e.getValue()) + "\r\n");
        }
        Path out = dir.resolve("store");

        BreachedStoreBuilder.Result result = new BreachedStoreBuilder().build(List.of(ranges), out, n -> {});

        assertThat(result.kind()).isEqualTo(HashKind.NTLM);
        assertThat(result.inputSorted()).isTrue();
        try (BreachedHashStore store = BreachedHashStore.open(out.resolve("ntlm.khs"))) {
            assertThat(hashes).allMatch(store::contains);
        }
    }

    @Test
    void importsTheRealRangeSample(@TempDir Path dir) throws Exception {
        Path range = Path.of(BreachedHashStoreTests.class
                .getResource("/pwned/range-00000.txt")
                .toURI());

        BreachedStoreBuilder.Result result = new BreachedStoreBuilder().build(List.of(range), dir, n -> {});

        assertThat(result.kind()).isEqualTo(HashKind.SHA1);
        assertThat(result.count()).isEqualTo(16);
        try (BreachedHashStore store = BreachedHashStore.open(result.store())) {
            assertThat(store.contains(HexFormat.of().parseHex("000000005AD76BD555C1D6D771DE417A4B87E4B4")))
                    .isTrue();
            assertThat(store.contains(HexFormat.of().parseHex("000010005AD76BD555C1D6D771DE417A4B87E4B4")))
                    .isFalse();
        }
    }

    @Test
    void rejectsBadLinesWithFileAndLine(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("mixed.txt");
        Files.writeString(
                text,
                "8846F7EAEE8FB117AD06BDD830B7586C:10\n8846F7EAEE8FB117AD06BD\n"
                        + "8846F7EAEE8FB117AD06BDD830B7586X:1\nA846F7EAEE8FB117AD06BDD830B7586C:oops\n"
                        + "B846F7EAEE8FB117AD06BDD830B7586C:0\nC846F7EAEE8FB117AD06BDD830B7586C\n");

        BreachedStoreBuilder.Result result = new BreachedStoreBuilder().build(List.of(text), dir, n -> {});

        assertThat(result.count()).isEqualTo(2);
        assertThat(result.report().rejections())
                .extracting(r -> r.line() + " " + r.element())
                .containsExactly("2 mixed.txt", "3 mixed.txt", "4 mixed.txt");
    }

    @Test
    void rejectsCorruptedAndTruncatedStores(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("in.txt");
        writeText(text, randomHashes(1_000, 16, 7), true);
        Path store =
                new BreachedStoreBuilder().build(List.of(text), dir, n -> {}).store();
        byte[] good = Files.readAllBytes(store);

        Files.write(store, java.util.Arrays.copyOf(good, good.length - 10));
        assertThatThrownBy(() -> BreachedHashStore.open(store))
                .isInstanceOf(CorruptStoreException.class)
                .hasMessageContaining("truncated");

        byte[] badIndex = good.clone();
        badIndex[64 + 1_000 * 16 + 100] ^= 0x55;
        Files.write(store, badIndex);
        assertThatThrownBy(() -> BreachedHashStore.open(store)).hasMessageContaining("index");

        byte[] badData = good.clone();
        badData[64 + 17] ^= 0x01;
        Files.write(store, badData);
        try (BreachedHashStore opened = BreachedHashStore.open(store)) {
            assertThatThrownBy(opened::verify).hasMessageContaining("checksum");
        }

        Files.writeString(store, "HASH:COUNT\n".repeat(10));
        assertThatThrownBy(() -> BreachedHashStore.open(store)).hasMessageContaining("not a Khiên hash store");

        try (RandomAccessFile f = new RandomAccessFile(store.toFile(), "rw")) {
            f.setLength(0);
            f.write(good);
            f.seek(16);
            f.writeLong(999);
        }
        assertThatThrownBy(() -> BreachedHashStore.open(store)).hasMessageContaining("header checksum");
    }
}

package vn.khien.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTests {
    private static List<String> lines(String text, int max) throws IOException {
        BoundedLineReader r = new BoundedLineReader(new StringReader(text), max);
        List<String> out = new ArrayList<>();
        String l;
        while ((l = r.next()) != null) {
            out.add(r.lastWasTooLong() ? "<too long>" : l);
        }
        return out;
    }

    @Test
    void splitsOnLfCrlfAndCrAndKeepsALastLineWithoutTerminator() throws IOException {
        assertThat(lines("a\nb\r\nc\rd", 100)).containsExactly("a", "b", "c", "d");
        assertThat(lines("a\n\nb\n", 100)).containsExactly("a", "", "b");
        assertThat(lines("", 100)).isEmpty();
    }

    @Test
    void marksOverlongLinesAndKeepsCounting() throws IOException {
        assertThat(lines("short\n" + "x".repeat(200_000) + "\nafter\n", 1_000))
                .containsExactly("short", "<too long>", "after");
    }

    @Test
    void readsLinesLongerThanItsBuffer() throws IOException {
        String longLine = "y".repeat(150_000);
        assertThat(lines(longLine + "\r\n" + "z", 1_000_000)).containsExactly(longLine, "z");
    }
}

package vn.khien.core.intel.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class IndicatorFilesTests {
    @Test
    void refusesInputOverTheSizeLimit() {
        assertThatThrownBy(() -> IndicatorFiles.read(Path.of("src/test/resources/misp/existing_event.json"), "x", 1000))
                .isInstanceOf(IndicatorFormatException.class)
                .hasMessageContaining("over the limit of 1000");
    }

    @Test
    void unpacksGzipWithinTheLimit() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(Files.readAllBytes(Path.of("src/test/resources/indicator-csv/threatfox-recent.csv")));
        }

        IndicatorFile r = IndicatorFiles.read(out.toByteArray(), "tf", 1 << 20);

        assertThat(r.format()).isEqualTo(IndicatorFileFormat.CSV);
        assertThat(r.result().indicators()).hasSize(4);
        assertThatThrownBy(() -> IndicatorFiles.read(out.toByteArray(), "tf", 500))
                .isInstanceOf(IndicatorFormatException.class);
    }

    @Test
    void refusesJsonOfNoKnownKindAndBinaryContent() {
        assertThatThrownBy(() -> IndicatorFiles.read("{\"hello\": [1]}".getBytes(StandardCharsets.UTF_8), "x", 100))
                .isInstanceOf(IndicatorFormatException.class)
                .hasMessageContaining("neither a STIX 2.1 bundle");
        assertThatThrownBy(() -> IndicatorFiles.read(new byte[] {'a', 0, 1, 2}, "x", 100))
                .isInstanceOf(IndicatorFormatException.class)
                .hasMessageContaining("binary");
    }

    @Test
    void refusesCsvWithoutValueColumn() {
        assertThatThrownBy(() -> CsvIndicatorReader.read(new java.io.StringReader("a,b\n1,2\n"), "x"))
                .isInstanceOf(IndicatorFormatException.class)
                .hasMessageContaining("value column");
    }
}

package vn.khien.core.intel.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.khien.core.ingest.ImportReport;

/** Every real-format indicator fixture imports through content detection with the expected counts. */
class IndicatorImportCorpusTests {
    static Stream<Arguments> fixtures() {
        return Stream.of(
                // file, format, read, accepted, rejected, duplicates
                Arguments.of("stix21/indicator-for-c2-ip-address.json", IndicatorFileFormat.STIX_BUNDLE, 1, 1, 0, 0),
                Arguments.of("stix21/indicator-for-malicious-url.json", IndicatorFileFormat.STIX_BUNDLE, 1, 1, 0, 0),
                Arguments.of("stix21/indicators-for-C2-with-COA.json", IndicatorFileFormat.STIX_BUNDLE, 2, 2, 0, 0),
                Arguments.of("stix21/infrastructure.json", IndicatorFileFormat.STIX_BUNDLE, 0, 0, 0, 0),
                Arguments.of(
                        "stix21/malicious-email-indicator-with-attachment.json",
                        IndicatorFileFormat.STIX_BUNDLE,
                        2,
                        0,
                        2,
                        0),
                Arguments.of(
                        "stix21/malware-indicator-for-file-hash.json", IndicatorFileFormat.STIX_BUNDLE, 1, 1, 0, 0),
                Arguments.of("stix21/sighting-of-an-indicator.json", IndicatorFileFormat.STIX_BUNDLE, 1, 1, 0, 0),
                Arguments.of("stix21/using-marking-definitions.json", IndicatorFileFormat.STIX_BUNDLE, 1, 1, 0, 0),
                Arguments.of("stix21/khien-patterns.json", IndicatorFileFormat.STIX_BUNDLE, 13, 9, 3, 1),
                Arguments.of("misp/event.json", IndicatorFileFormat.MISP_EVENT, 0, 0, 0, 0),
                Arguments.of("misp/event_obj_attr_tag.json", IndicatorFileFormat.MISP_EVENT, 2, 1, 1, 0),
                Arguments.of("misp/existing_event.json", IndicatorFileFormat.MISP_EVENT, 122, 66, 54, 2),
                Arguments.of("misp/long_event_circl_osint.json", IndicatorFileFormat.MISP_EVENT, 370, 235, 123, 12),
                Arguments.of("misp/warninglist-rfc1918.json", IndicatorFileFormat.MISP_WARNINGLIST, 0, 0, 0, 0),
                Arguments.of("indicator-csv/urlhaus-recent.csv", IndicatorFileFormat.CSV, 5, 3, 1, 1),
                Arguments.of("indicator-csv/threatfox-recent.csv", IndicatorFileFormat.CSV, 6, 4, 2, 0),
                Arguments.of("indicator-csv/feodo-ipblocklist.csv", IndicatorFileFormat.CSV, 3, 2, 1, 0),
                Arguments.of("indicator-plain/mixed.txt", IndicatorFileFormat.PLAIN_LIST, 13, 10, 2, 1),
                Arguments.of("indicator-plain/hosts.txt", IndicatorFileFormat.PLAIN_LIST, 5, 3, 1, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void importsFixtureWithExpectedCounts(
            String file, IndicatorFileFormat format, long read, long accepted, long rejected, long duplicates)
            throws Exception {
        IndicatorFile result =
                IndicatorFiles.read(Path.of("src/test/resources", file), "fixture", IndicatorFiles.DEFAULT_MAX_BYTES);

        ImportReport report = result.result().report();
        assertThat(result.format()).isEqualTo(format);
        assertThat(report.read()).as(report.rejections().toString()).isEqualTo(read);
        assertThat(report.accepted()).isEqualTo(accepted);
        assertThat(report.rejected()).isEqualTo(rejected);
        assertThat(report.duplicates()).isEqualTo(duplicates);
        assertThat(report.read()).isEqualTo(report.accepted() + report.rejected() + report.duplicates());
        assertThat(result.result().indicators())
                .allSatisfy(i -> assertThat(i.source()).isEqualTo("fixture"));
    }
}

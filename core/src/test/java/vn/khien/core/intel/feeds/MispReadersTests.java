package vn.khien.core.intel.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khien.core.intel.Indicator;

class MispReadersTests {
    private static final FeedDirectory FEED = FeedDirectory.of(Path.of("src/test/resources/misp-feed"));

    @Test
    void readsFeedThroughManifestAndReportsMissingEvent() throws Exception {
        IndicatorImport r = MispFeedReader.read(FEED, "feed", null, 1 << 20);

        assertThat(r.report().summary()).isEqualTo("read=13 accepted=7 rejected=5 duplicates=1");
        assertThat(r.indicators())
                .extracting(Indicator::value)
                .contains(
                        "203.0.113.50",
                        "portal-update.example.vn",
                        "203.0.113.51",
                        "198.51.100.0/25",
                        "hr@phish.example.org",
                        "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12",
                        "http://old-c2.example.com/panel/");
        assertThat(r.report().rejections()).anySatisfy(x -> {
            assertThat(x.element()).isEqualTo("5f1c2d3e-0000-4000-8000-00000000cccc.json");
            assertThat(x.reason()).contains("missing");
        });
    }

    @Test
    void readsOnlyEventsChangedSinceLastPull() throws Exception {
        IndicatorImport r = MispFeedReader.read(FEED, "feed", Instant.ofEpochSecond(1_739_000_000L), 1 << 20);

        assertThat(r.report().summary()).isEqualTo("read=11 accepted=6 rejected=5 duplicates=0");
    }

    @Test
    void takesTlpFromTagsStrictestWinning() throws Exception {
        IndicatorImport r = MispFeedReader.read(FEED, "feed", null, 1 << 20);
        Indicator host = r.indicators().stream()
                .filter(i -> i.value().equals("cdn.portal-update.example.vn"))
                .findFirst()
                .orElseThrow();

        assertThat(host.tlp()).isEqualTo("amber");
        assertThat(host.tags()).containsExactly("misp-galaxy:threat-actor=\"APT32\"");
    }

    @Test
    void servesFeedFromAnyDirectoryAbstraction() throws Exception {
        Map<String, String> files = Map.of(
                "manifest.json",
                "{\"e1\": {\"info\": \"x\", \"timestamp\": \"1\"}}",
                "e1.json",
                "{\"Event\": {\"info\": \"x\", \"Attribute\": [{\"type\": \"ip-dst\", \"value\": "
                        + "\"203.0.113.9\", \"to_ids\": true}]}}");
        FeedDirectory http = name -> {
            String body = files.get(name);
            if (body == null) {
                throw new java.nio.file.NoSuchFileException(name);
            }
            return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
        };

        assertThat(MispFeedReader.read(http, "remote", null, 1024).indicators())
                .extracting(Indicator::value)
                .containsExactly("203.0.113.9");
    }

    @Test
    void refusesDirectoryWithoutManifest() {
        assertThatThrownBy(() ->
                        MispFeedReader.read(FeedDirectory.of(Path.of("src/test/resources/stix21")), "x", null, 1024))
                .isInstanceOf(IndicatorFormatException.class)
                .hasMessageContaining("no manifest.json");
    }

    @Test
    void refusesJsonThatIsNoEvent() {
        assertThatThrownBy(() -> MispEventReader.read("{\"foo\": 1}".getBytes(StandardCharsets.UTF_8), "x"))
                .isInstanceOf(IndicatorFormatException.class)
                .hasMessageContaining("not a MISP event");
    }
}

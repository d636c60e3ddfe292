package vn.khien.core.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.khien.core.ingest.ImportReport;
import vn.khien.core.ingest.Rejection;

/**
 * Every {@code X.log} under {@code src/test/resources/<format>/} parses to the events and rejections listed
 * in {@code X.expected}. To add a case, drop a log file in the folder, run once with
 * {@code -Dkhien.fixtures.write=true} to write its expectation, and review that file by hand.
 */
class DnsLogCorpusTests {
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);
    private static final Map<String, LogParser> PARSERS = Map.of(
            "bind", new BindQueryLogParser(ZONE, CLOCK),
            "dnsmasq", new DnsmasqLogParser(ZONE, CLOCK),
            "unbound", new UnboundLogParser(ZONE, CLOCK),
            "windows-dns", new WindowsDnsLogParser(ZONE, CLOCK));

    static Stream<Arguments> fixtures() throws IOException, URISyntaxException {
        List<Arguments> out = new ArrayList<>();
        for (String folder : PARSERS.keySet().stream().sorted().toList()) {
            Path dir = Path.of(DnsLogCorpusTests.class.getResource("/" + folder).toURI());
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.toString().endsWith(".log"))
                        .sorted()
                        .forEach(p ->
                                out.add(Arguments.of(folder, p.getFileName().toString(), p)));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("fixtures")
    void parsesFixtureToExpectedEvents(String folder, String name, Path log) throws IOException {
        List<String> actual = new ArrayList<>();
        ImportReport report;
        try (InputStream in = Files.newInputStream(log)) {
            report = PARSERS.get(folder).parse(in, e -> actual.add(render(e)));
        }
        for (Rejection r : report.rejections()) {
            actual.add("rejected " + r.line());
        }
        Path expectedFile = Path.of(log.toString().replace(".log", ".expected"));
        Path source =
                Path.of("src/test/resources", folder, expectedFile.getFileName().toString());
        if (Boolean.getBoolean("khien.fixtures.write")) {
            Files.write(source, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).containsExactlyElementsOf(Files.readAllLines(expectedFile, StandardCharsets.UTF_8));
        assertThat(report.accepted() + report.rejected()).isEqualTo(report.read());
    }

    private static String render(LogEvent e) {
        return e.line() + " " + e.kind() + " " + dash(e.sourceIp()) + " " + dash(e.domain()) + " "
                + dash(e.destinationIp()) + " "
                + dash(e.time() == null ? null : e.time().toString());
    }

    private static String dash(@Nullable String s) {
        return s == null ? "-" : s;
    }
}

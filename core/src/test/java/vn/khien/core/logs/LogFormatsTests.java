package vn.khien.core.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogFormatsTests {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "bind/logstash-patterns-core.log, BIND",
        "bind/khien-written.log, BIND",
        "dnsmasq/dnsmasq-2.90-log-queries-extra.log, DNSMASQ",
        "dnsmasq/dnsmasq-2.90-log-queries.log, DNSMASQ",
        "unbound/unbound-1.17-log-queries.log, UNBOUND",
        "unbound/khien-written-syslog.log, UNBOUND",
        "windows-dns/usiem-windns-readme.log, WINDOWS_DNS",
        "windows-dns/khien-written.log, WINDOWS_DNS"
    })
    void detectsTheFormatOfEachFixtureFromItsFirstLines(String fixture, LogFormat expected)
            throws IOException, URISyntaxException {
        List<String> lines = Files.readAllLines(
                Path.of(LogFormatsTests.class.getResource("/" + fixture).toURI()));
        assertThat(LogFormats.defaults().detect(lines)).contains(expected);
    }

    @Test
    void recognisesNothingInUnrelatedText() {
        assertThat(LogFormats.defaults().detect(List.of("hello world", "# comment", "")))
                .isEmpty();
    }

    @Test
    void laterRegistrationsAddFormats() {
        LogFormats formats = LogFormats.defaults()
                .with(new LogFormats.Registration(LogFormat.CEF, BindQueryLogParser::new, l -> l.startsWith("CEF:")));
        assertThat(formats.detect(List.of("CEF:0|x|y|1|100|n|5|src=10.0.0.1"))).contains(LogFormat.CEF);
        assertThat(formats.parser(LogFormat.CEF)).isPresent();
    }

    @Test
    void readsCommandLineNames() {
        assertThat(LogFormats.byName("windows-dns")).contains(LogFormat.WINDOWS_DNS);
        assertThat(LogFormats.byName("Zeek-DNS")).contains(LogFormat.ZEEK_DNS);
        assertThat(LogFormats.byName("nope")).isEqualTo(Optional.empty());
        assertThat(LogFormats.names()).contains("bind", "dnsmasq", "unbound", "windows-dns", "suricata");
    }
}

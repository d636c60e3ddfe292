package vn.khien.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectCommandTests {
    private static final String BIND_LOG = """
            22-Nov-2026 09:15:01.004 queries: info: client @0x7f3a2c01b2a8 10.12.4.57#51234 (Update.C2-Panel.TEST): query: Update.C2-Panel.TEST IN A +E(0)K (10.12.0.2)
            22-Nov-2026 09:15:01.118 queries: info: client @0x7f3a2c01b2a8 10.12.4.57#51235 (notc2-panel.test): query: notc2-panel.test IN A +E(0)K (10.12.0.2)
            22-Nov-2026 09:15:02.000 queries: info: this line lost its client field
            22-Nov-2026 09:15:03.118 queries: info: client @0x7f3a2c01b2a8 10.12.4.58#51236 (c2-panel.test.example.net): query: c2-panel.test.example.net IN A +E(0)K (10.12.0.2)
            """;

    private final CliRun cli = new CliRun();

    @Test
    void writesOneJsonObjectPerMatchingLineAndASummary(@TempDir Path dir) throws IOException {
        Path indicators = Files.writeString(dir.resolve("c2.txt"), "# C2\nc2-panel.test\n");
        Path log = Files.writeString(dir.resolve("query.log"), BIND_LOG);

        int code = cli.execute("detect", "--indicators", indicators.toString(), "--log", log.toString());

        assertThat(code).isZero();
        assertThat(cli.out().lines()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("{\"line\":1,\"observed\":\"update.c2-panel.test\",\"indicator\":\"c2-panel.test\","
                        + "\"type\":\"domain\",\"source\":\"c2.txt\""));
        assertThat(cli.err()).contains("format=bind").contains("lines=4 malformed=1 matches=1");
    }

    @Test
    void takesSeveralIndicatorFilesAnExplicitFormatAndAnOutFile(@TempDir Path dir) throws IOException {
        Path domains = Files.writeString(dir.resolve("domains.txt"), "evil.test\n");
        Path more = Files.writeString(dir.resolve("more.txt"), "c2-panel.test\n");
        Path log = Files.writeString(dir.resolve("query.log"), BIND_LOG);
        Path hits = dir.resolve("hits.jsonl");

        int code = cli.execute(
                "detect",
                "--indicators",
                domains.toString(),
                "--indicators",
                more.toString(),
                "--log",
                log.toString(),
                "--format",
                "bind",
                "--out",
                hits.toString());

        assertThat(code).isZero();
        assertThat(cli.out()).isEmpty();
        assertThat(Files.readString(hits)).contains("\"source\":\"more.txt\"");
    }

    @Test
    void failsNamingAMissingFileOrAnUnknownFormat(@TempDir Path dir) throws IOException {
        Path log = Files.writeString(dir.resolve("query.log"), BIND_LOG);

        assertThat(cli.execute("detect", "--indicators", dir.resolve("nope.txt").toString(), "--log", log.toString()))
                .isEqualTo(2);
        assertThat(cli.err()).contains("nope.txt");

        Path ind = Files.writeString(dir.resolve("c2.txt"), "c2-panel.test\n");
        assertThat(cli.execute("detect", "--indicators", ind.toString(), "--log", log.toString(), "--format", "syslog"))
                .isEqualTo(2);
        assertThat(cli.err()).contains("unknown format 'syslog'");
    }
}

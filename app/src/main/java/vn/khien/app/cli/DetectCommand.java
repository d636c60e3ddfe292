package vn.khien.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.khien.core.detect.OfflineDetector;
import vn.khien.core.logs.LogFormat;
import vn.khien.core.logs.LogFormats;

/**
 * {@code khien detect}: matches one log file against indicator files offline, writes one JSON object per
 * matching log line and a one-line summary on stderr; exits 2 naming the file when an input is missing or
 * unusable, 0 otherwise (malformed log lines are counted, not fatal).
 */
@Command(
        name = "detect",
        mixinStandardHelpOptions = true,
        description = "Find log lines that reach known-bad domains, addresses, URLs or hashes (offline).")
final class DetectCommand implements Callable<Integer> {
    @Spec
    @Nullable
    CommandSpec spec;

    @Option(
            names = "--indicators",
            required = true,
            paramLabel = "FILE",
            description = "Indicator file (plain list, CSV, STIX 2.1, MISP event or warninglist; repeatable).")
    List<Path> indicators = new ArrayList<>();

    @Option(names = "--log", required = true, paramLabel = "FILE", description = "The log file to check.")
    @Nullable
    Path log;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "auto",
            description = "bind, dnsmasq, unbound, windows-dns, zeek-dns, suricata, squid, ... or auto (default).")
    String format = "auto";

    @Option(names = "--out", paramLabel = "FILE", description = "Write JSON lines here instead of stdout.")
    @Nullable
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        LogFormat chosen = null;
        if (!"auto".equalsIgnoreCase(format)) {
            Optional<LogFormat> f = LogFormats.byName(format);
            if (f.isEmpty()) {
                err.println("khien detect: unknown format '" + format + "'; use auto or one of "
                        + String.join(", ", LogFormats.names()));
                return 2;
            }
            chosen = f.get();
        }
        Writer target =
                out == null ? spec.commandLine().getOut() : Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        try {
            OfflineDetector.Summary s =
                    OfflineDetector.withDefaultFormats().run(indicators, log, chosen, target, Instant.now());
            err.println(s.line());
            return 0;
        } catch (OfflineDetector.DetectException e) {
            err.println("khien detect: " + e.getMessage());
            return 2;
        } finally {
            target.flush();
            if (out != null) {
                target.close();
            }
        }
    }
}

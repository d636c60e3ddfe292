package vn.khien.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.core.accounts.PasswordFingerprint;
import vn.khien.core.accounts.combolist.BinaryInputException;
import vn.khien.core.accounts.combolist.ComboHit;
import vn.khien.core.accounts.combolist.ComboScanResult;
import vn.khien.core.accounts.combolist.CombolistScanner;
import vn.khien.core.accounts.combolist.DomainList;
import vn.khien.core.ingest.Rejection;

/**
 * {@code khien scan-combolist}: writes one JSON object per leaked official account found in combolists or
 * stealer logs (never the password: only its length and character classes) and a summary on stderr; exits
 * 2 when a file is missing or binary, naming it.
 */
@Command(
        name = "scan-combolist",
        mixinStandardHelpOptions = true,
        description = "Find the province's email accounts in combolists and stealer logs (any size, streamed).")
final class ScanCombolistCommand implements Callable<Integer> {
    private static final long PROGRESS_STEP = 1L << 30;

    @Spec
    @Nullable
    CommandSpec spec;

    @Option(names = "--domains", required = true, paramLabel = "FILE", description = "One email domain per line.")
    @Nullable
    Path domains;

    @Option(names = "--out", paramLabel = "FILE", description = "Write JSON lines here instead of stdout.")
    @Nullable
    Path out;

    @Option(
            names = "--max-line-length",
            paramLabel = "BYTES",
            defaultValue = "65536",
            description = "Reject longer lines (default ${DEFAULT-VALUE}).")
    int maxLineLength;

    @Parameters(arity = "1..*", paramLabel = "COMBOLIST", description = "Combolist or stealer-log text files.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        DomainList list;
        try {
            list = DomainList.read(domains);
        } catch (NoSuchFileException e) {
            err.println("khien scan-combolist: domains file not found: " + domains);
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("khien scan-combolist: " + e.getMessage());
            return 2;
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                err.println("khien scan-combolist: " + f + ": no such file");
                return 2;
            }
        }
        CombolistScanner scanner = new CombolistScanner(list, maxLineLength);
        JsonMapper json = JsonMapper.builder().build();
        int exit = 0;
        long bytes = 0;
        long lines = 0;
        long hits = 0;
        long rejected = 0;
        Writer target =
                out == null ? spec.commandLine().getOut() : Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        try {
            for (Path f : files) {
                String name = f.toString();
                long size = Files.size(f);
                long[] nextReport = {PROGRESS_STEP};
                try {
                    ComboScanResult r = scanner.scan(f, hit -> writeHit(target, json, name, hit), done -> {
                        if (done >= nextReport[0]) {
                            err.printf("%s: %d of %d MB scanned%n", name, done >> 20, size >> 20);
                            err.flush();
                            nextReport[0] = done + PROGRESS_STEP;
                        }
                    });
                    for (Rejection rej : r.report().rejections()) {
                        err.println(name + ": " + rej);
                    }
                    err.println(name + ": " + r.summary());
                    bytes += r.bytes();
                    lines += r.lines();
                    hits += r.hits();
                    rejected += r.report().rejected();
                } catch (BinaryInputException e) {
                    err.println("khien scan-combolist: " + e.getMessage());
                    exit = 2;
                }
            }
        } finally {
            target.flush();
            if (out != null) {
                target.close();
            }
        }
        err.println("total: bytes=" + bytes + " lines=" + lines + " hits=" + hits + " rejected=" + rejected);
        return exit;
    }

    private static void writeHit(Writer target, JsonMapper json, String file, ComboHit hit) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("file", file);
        o.put("line", hit.line());
        o.put("account", hit.account());
        o.put("domain", hit.domain());
        o.put("format", hit.format().label());
        PasswordFingerprint p = hit.password();
        if (p != null) {
            o.put("passwordLength", p.length());
            o.put("passwordClass", p.classes());
        }
        try {
            target.write(json.writeValueAsString(o));
            target.write('\n');
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

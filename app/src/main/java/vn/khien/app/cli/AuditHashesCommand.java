package vn.khien.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.core.accounts.HashKind;
import vn.khien.core.accounts.breached.BreachedHashStore;
import vn.khien.core.accounts.hashes.AccountFinding;
import vn.khien.core.accounts.hashes.AuditOptions;
import vn.khien.core.accounts.hashes.AuditResult;
import vn.khien.core.accounts.hashes.HashAuditor;
import vn.khien.core.accounts.hashes.HashFileParser;
import vn.khien.core.accounts.hashes.HashFormat;
import vn.khien.core.accounts.hashes.PasswordCandidates;
import vn.khien.core.ingest.Rejection;

/**
 * {@code khien audit-hashes}: audits exported password hashes against defaults, the weak dictionary, the
 * breached stores in {@code --store} and each other; prints one JSON finding per line (account, rule, class,
 * line; never a hash) and a summary on stderr; exits 2 on bad input (missing or damaged store, rejected lines).
 */
@Command(
        name = "audit-hashes",
        mixinStandardHelpOptions = true,
        description =
                "Audit NTLM / LDAP / bcrypt password hashes offline (ACCOUNT-DEFAULT, -WEAK, -BREACHED, -SHARED).")
final class AuditHashesCommand implements Callable<Integer> {
    /** Progress goes to stderr at most once a second, so an audit of under a second prints none. */
    private static final long PROGRESS_EVERY = 1_000_000_000L;

    @Spec
    @Nullable
    CommandSpec spec;

    @Option(
            names = "--store",
            required = true,
            paramLabel = "DIR",
            description = "Folder with ntlm.khs and/or sha1.khs.")
    @Nullable
    Path store;

    @Option(names = "--hashes", required = true, paramLabel = "FILE", description = "The hash export.")
    @Nullable
    Path hashes;

    @Option(names = "--format", defaultValue = "ntlm", description = "ntlm, ldap or bcrypt (default ${DEFAULT-VALUE}).")
    String format = "ntlm";

    @Option(
            names = "--slow-hash-limit",
            defaultValue = "20",
            description = "Dictionary passwords tried against bcrypt/crypt hashes (default ${DEFAULT-VALUE}).")
    int slowHashLimit;

    @Option(names = "--year", description = "Year unit patterns count back from (default: this year).")
    @Nullable
    Integer year;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        HashFormat fmt;
        try {
            fmt = HashFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("khien audit-hashes: --format must be ntlm, ldap or bcrypt, was " + format);
            return 2;
        }
        if (!Files.isDirectory(store)) {
            err.println("khien audit-hashes: store folder not found: " + store);
            return 2;
        }
        if (!BreachedHashStore.existsIn(store, HashKind.NTLM) && !BreachedHashStore.existsIn(store, HashKind.SHA1)) {
            err.println("khien audit-hashes: " + store
                    + " holds neither ntlm.khs nor sha1.khs (build one with khien hash-store build)");
            return 2;
        }
        HashFileParser.Parsed parsed;
        try (InputStream in = Files.newInputStream(hashes)) {
            parsed = new HashFileParser().parse(in, fmt);
        } catch (NoSuchFileException e) {
            err.println("khien audit-hashes: hash file not found: " + hashes);
            return 2;
        }
        BreachedHashStore ntlm = null;
        BreachedHashStore sha1 = null;
        try {
            if (BreachedHashStore.existsIn(store, HashKind.NTLM)) {
                ntlm = BreachedHashStore.open(BreachedHashStore.fileIn(store, HashKind.NTLM));
            }
            if (BreachedHashStore.existsIn(store, HashKind.SHA1)) {
                sha1 = BreachedHashStore.open(BreachedHashStore.fileIn(store, HashKind.SHA1));
            }
            int y = year == null ? Year.now().getValue() : year;
            HashAuditor auditor = new HashAuditor(
                    PasswordCandidates.bundled(y, 6), new AuditOptions(slowHashLimit, y, 6), ntlm, sha1);
            long started = System.nanoTime();
            int total = parsed.hashes().size();
            long[] nextReport = {started + PROGRESS_EVERY};
            AuditResult result = auditor.audit(parsed.hashes(), done -> {
                long now = System.nanoTime();
                if (now >= nextReport[0]) {
                    err.printf("audit-hashes: %d of %d accounts audited%n", done, total);
                    err.flush();
                    nextReport[0] = now + PROGRESS_EVERY;
                }
            });
            double seconds = (System.nanoTime() - started) / 1e9;
            JsonMapper json = JsonMapper.builder().build();
            for (AccountFinding f : result.findings()) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("account", f.account());
                o.put("rule", f.rule().id());
                o.put("class", f.candidateClass());
                o.put("line", f.line());
                out.println(json.writeValueAsString(o));
            }
            out.flush();
            for (Rejection r : parsed.report().rejections()) {
                err.println(hashes + ": " + r);
            }
            err.println("audit-hashes: " + parsed.report().summary() + " " + result.summary()
                    + String.format(Locale.ROOT, " audited in %.2f s", seconds));
            return parsed.report().rejected() > 0 ? 2 : 0;
        } catch (IOException e) {
            err.println("khien audit-hashes: " + e.getMessage());
            return 2;
        } finally {
            if (ntlm != null) {
                ntlm.close();
            }
            if (sha1 != null) {
                sha1.close();
            }
        }
    }
}

package vn.khien.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.khien.core.accounts.breached.BreachedStoreBuilder;
import vn.khien.core.ingest.Rejection;

/** {@code khien hash-store}: manages breached-password stores; {@code build} imports Pwned Passwords text. */
@Command(
        name = "hash-store",
        mixinStandardHelpOptions = true,
        description = "Breached-password stores (Pwned Passwords SHA-1 / NTLM).",
        subcommands = {HashStoreCommand.Build.class})
final class HashStoreCommand implements Callable<Integer> {
    @Spec
    @Nullable
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** {@code khien hash-store build --out DIR FILE...}: writes {@code DIR/sha1.khs} or {@code DIR/ntlm.khs}. */
    @Command(
            name = "build",
            mixinStandardHelpOptions = true,
            description = "Import HASH:COUNT text (a file, or a folder of the 16^5 range files) into DIR/<kind>.khs.")
    static final class Build implements Callable<Integer> {
        @Spec
        @Nullable
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder of the store.")
        @Nullable
        Path out;

        @Option(
                names = "--chunk",
                defaultValue = "4194304",
                description = "Hashes per in-memory sort chunk when the input is unsorted.")
        int chunk;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Pwned Passwords text files or folders.")
        List<Path> inputs = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            CommandLine cli = spec.commandLine();
            PrintWriter err = cli.getErr();
            long start = System.nanoTime();
            long[] next = {1L << 30};
            BreachedStoreBuilder.Result r;
            try {
                r = new BreachedStoreBuilder(chunk).build(inputs, out, read -> {
                    if (read >= next[0]) {
                        err.printf("hash-store build: %d MB read%n", read >> 20);
                        err.flush();
                        next[0] = read + (1L << 30);
                    }
                });
            } catch (NoSuchFileException e) {
                err.println("khien hash-store build: " + e.getFile() + ": no such file or folder");
                return 2;
            } catch (IllegalArgumentException e) {
                err.println("khien hash-store build: " + e.getMessage());
                return 2;
            }
            for (Rejection rej : r.report().rejections()) {
                err.println(rej.element() + ": line " + rej.line() + ": " + rej.reason());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            cli.getOut().println(r.store());
            err.printf(
                    "hash-store build: kind=%s hashes=%d %s bytes=%d in %.1f s (%.0f MB/s) sorted-input=%s%n",
                    r.kind(),
                    r.count(),
                    r.report().summary(),
                    r.bytesRead(),
                    seconds,
                    r.bytesRead() / 1e6 / seconds,
                    r.inputSorted());
            return r.report().rejected() > 0 ? 2 : 0;
        }
    }
}

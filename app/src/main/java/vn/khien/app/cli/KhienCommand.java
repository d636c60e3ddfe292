package vn.khien.app.cli;

import java.util.Arrays;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code khien} command line. With no sub-command, or with only option arguments such as
 * {@code --demo} or {@code --server.port=9090}, it serves; offline commands read files and print a
 * one-line summary, exiting non-zero on bad input.
 */
@Command(
        name = "khien",
        mixinStandardHelpOptions = true,
        versionProvider = KhienCommand.Version.class,
        description = "Khiên: cybersecurity directive compliance for a province, its departments and communes.",
        subcommands = {
            ServeCommand.class,
            AuditVerifyCommand.class,
            ScanCombolistCommand.class,
            AuditHashesCommand.class,
            HashStoreCommand.class,
            ParseDirectiveCommand.class,
            DetectCommand.class,
            InventoryImportCommand.class
        })
public final class KhienCommand implements Runnable {
    /** Exit code {@code serve} returns: the server keeps running and the JVM must not exit. */
    public static final int SERVING = Integer.MIN_VALUE;

    private static final Set<String> OWN_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    @Override
    public void run() {
        // never reached: execute() routes an empty command line to serve
        throw new CommandLine.ParameterException(new CommandLine(this), "missing command");
    }

    /** Entry point of {@code khien.jar}. */
    public static void main(String[] args) {
        int code = execute(args);
        if (code != SERVING) {
            System.exit(code);
        }
    }

    /** Runs the command line and returns the process exit code (serve blocks and returns 0 on shutdown). */
    public static int execute(String... args) {
        String[] routed = args;
        if (args.length == 0 || (args[0].startsWith("-") && !OWN_OPTIONS.contains(args[0]))) {
            routed = new String[args.length + 1];
            routed[0] = "serve";
            System.arraycopy(args, 0, routed, 1, args.length);
        }
        CommandLine cli = new CommandLine(new KhienCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli.execute(routed);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = KhienCommand.class.getPackage().getImplementationVersion();
            return new String[] {"khien " + (v == null ? "development" : v)};
        }
    }

    static String[] tail(String[] args) {
        return Arrays.copyOfRange(args, 1, args.length);
    }
}

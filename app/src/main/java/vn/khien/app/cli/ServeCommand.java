package vn.khien.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;
import vn.khien.app.KhienApplication;

/** {@code khien serve}: starts the web application (the default command). */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start the Khiên server (default). Extra --key=value arguments are Spring settings.")
final class ServeCommand implements Callable<Integer> {
    @Option(
            names = "--demo",
            description = "Load the demo province (on by default with the embedded database when it is empty).")
    boolean demo;

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(springArgs);
        if (demo) {
            args.add("--khien.demo.enabled=true");
        }
        KhienApplication.start(args.toArray(String[]::new));
        return KhienCommand.SERVING;
    }
}

package vn.khien.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.khien.core.directive.DirectiveParser;
import vn.khien.core.directive.ParsedDirective;

/** {@code khien parse-directive FILE}: prints what the directive parser reads from a công văn, as JSON. */
@Command(
        name = "parse-directive",
        mixinStandardHelpOptions = true,
        description = "Parse a directive (công văn) in plain text, Markdown or DOCX and print it as JSON."
                + " Fields the text does not show are null and listed under \"missing\".")
final class ParseDirectiveCommand implements Callable<Integer> {
    static final int UNREADABLE_INPUT = 2;

    @Spec
    @Nullable
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The directive: .txt, .md or .docx.")
    @Nullable
    Path file;

    @Override
    public Integer call() {
        // picocli injects both before calling
        CommandSpec spec = Objects.requireNonNull(this.spec, "spec");
        Path file = Objects.requireNonNull(this.file, "file");
        ParsedDirective directive;
        try {
            directive = DirectiveParser.parse(file);
        } catch (IOException e) {
            // DirectiveFormatException messages already start with the file; plain I/O errors may not
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (!message.contains(file.toString())) {
                message = file + ": " + message;
            }
            spec.commandLine().getErr().println("parse-directive: cannot read " + message);
            spec.commandLine().getErr().flush();
            return UNREADABLE_INPUT;
        }
        spec.commandLine().getOut().println(directive.toJson());
        spec.commandLine().getOut().flush();
        return 0;
    }
}

package vn.khien.app.cli;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import vn.khien.app.KhienApplication;
import vn.khien.app.inventory.ImportResult;
import vn.khien.app.inventory.InventoryService;
import vn.khien.app.platform.UnitScope;

/**
 * {@code khien inventory-import FILE}: imports an osquery result log (default) or, with {@code --profile}, an
 * antivirus console CSV into the database ({@code KHIEN_DB_URL} or the embedded one of {@code ./data}), for
 * machines that cannot reach Khiên. Prints the report; exits 0 when every line was accepted, 2 otherwise.
 */
@Command(
        name = "inventory-import",
        mixinStandardHelpOptions = true,
        description = "Import an osquery result log or (with --profile) an antivirus console CSV into the inventory.")
final class InventoryImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "osquery result log (JSON lines) or console CSV")
    Path file;

    @Option(
            names = "--profile",
            description = "console CSV profile: bkav-endpoint, kaspersky-security-center, microsoft-defender")
    @Nullable
    String profile;

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<String> args = new ArrayList<>(springArgs);
        args.add("--khien.cli=true");
        args.add("--spring.main.banner-mode=off");
        args.add("--logging.level.root=WARN");
        SpringApplication app = new SpringApplication(KhienApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext ctx = app.run(args.toArray(String[]::new))) {
            InventoryService inventory = ctx.getBean(InventoryService.class);
            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            "cli", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN", "FACTOR_COMPLETE")));
            ImportResult r;
            String name = file.getFileName().toString();
            if (profile == null) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    r = inventory.importOsqueryLog(UnitScope.province(), in, name);
                }
            } else {
                try (InputStream in = Files.newInputStream(file)) {
                    r = inventory.importAvCsv(
                            UnitScope.province(),
                            in,
                            profile,
                            Files.getLastModifiedTime(file).toInstant(),
                            name);
                }
            }
            var out = spec.commandLine().getOut();
            out.println(name + ": " + r.report().summary() + ", endpoints new=" + r.endpointsNew() + " changed="
                    + r.endpointsChanged());
            r.report().rejections().forEach(x -> out.println("  " + x));
            if (!r.unknownColumns().isEmpty()) {
                out.println("  unknown columns: " + String.join(", ", r.unknownColumns()));
            }
            out.flush();
            return r.report().rejected() == 0 ? 0 : 2;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}

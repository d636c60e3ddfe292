package vn.khien.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import vn.khien.app.KhienApplication;
import vn.khien.app.audit.AuditTrail;
import vn.khien.app.audit.ChainVerification;

/**
 * {@code khien audit-verify}: re-computes the audit trail's hash chain and exits 0 when it is intact, 1 when
 * a row was modified, removed or inserted. Uses {@code KHIEN_DB_URL} or the embedded database of
 * {@code ./data} (the running server's, if one is up).
 */
@Command(
        name = "audit-verify",
        mixinStandardHelpOptions = true,
        description = "Verify the hash chain of the audit trail; exit 1 if it was tampered with.")
final class AuditVerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(springArgs);
        args.add("--khien.cli=true");
        args.add("--spring.main.banner-mode=off");
        args.add("--logging.level.root=WARN");
        SpringApplication app = new SpringApplication(KhienApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext ctx = app.run(args.toArray(String[]::new))) {
            ChainVerification v = ctx.getBean(AuditTrail.class).verify();
            if (v.intact()) {
                spec.commandLine().getOut().println("audit trail intact: " + v.checked() + " rows verified");
                spec.commandLine().getOut().flush();
                return 0;
            }
            spec.commandLine()
                    .getErr()
                    .println("audit trail TAMPERED at row " + v.brokenAt() + ": " + v.reason() + " (" + v.checked()
                            + " rows verified before it)");
            spec.commandLine().getErr().flush();
            return 1;
        }
    }
}

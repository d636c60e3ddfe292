package vn.khien.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import vn.khien.app.cli.KhienCommand;

/** Entry point of the {@code khien} jar: the command line decides whether to serve or run an offline command. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KhienApplication {
    public static void main(String[] args) {
        int code = KhienCommand.execute(args);
        if (code != KhienCommand.SERVING) {
            System.exit(code);
        }
    }

    /** Starts the server; used by {@code khien serve} and by tests. */
    public static org.springframework.context.ConfigurableApplicationContext start(String... args) {
        return SpringApplication.run(KhienApplication.class, args);
    }
}

package vn.khien.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Spring Boot application. The jar's entry point is {@link vn.khien.app.cli.KhienCommand#main}, which
 * decides whether to serve or run an offline command.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KhienApplication {

    /** Starts the server; used by {@code khien serve} and by tests. */
    public static org.springframework.context.ConfigurableApplicationContext start(String... args) {
        return SpringApplication.run(KhienApplication.class, args);
    }
}

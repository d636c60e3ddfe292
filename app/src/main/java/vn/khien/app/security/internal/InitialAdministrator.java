package vn.khien.app.security.internal;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.khien.app.platform.KhienProperties;
import vn.khien.app.platform.PrivateFiles;
import vn.khien.app.security.UserService;
import vn.khien.core.org.Role;

/**
 * No default credentials: on the first start (no logins at all) creates {@code admin} with a random one-time
 * password, printed once to the console and written to {@code ./data/initial-admin-password} (mode 600).
 * It must be changed, and a second factor enrolled, at the first sign-in.
 */
@Component
@ConditionalOnProperty(name = "khien.cli", havingValue = "false", matchIfMissing = true)
@Order(0)
class InitialAdministrator implements ApplicationRunner {
    private final UserService users;
    private final KhienProperties properties;

    InitialAdministrator(UserService users, KhienProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        UserService.IssuedLogin admin =
                users.createInternal("admin", "Quản trị hệ thống", null, null, EnumSet.of(Role.ADMIN));
        Path file = properties.dataDir().resolve("initial-admin-password");
        PrivateFiles.write(file, List.of(admin.oneTimePassword()));
        // Printed directly, never through the logger, so log shipping does not carry it.
        System.out.println();
        System.out.println("================================================================");
        System.out.println(" Khiên: tài khoản quản trị đầu tiên / first administrator");
        System.out.println("   user:     admin");
        System.out.println("   password: " + admin.oneTimePassword());
        System.out.println("   (one-time; change it and enrol MFA at first login; also in " + file + ")");
        System.out.println("================================================================");
        System.out.println();
    }
}

package vn.khien.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OsqueryPackTests {
    @Test
    void khiensPackCoversEveryTableTheRulesNeed() {
        OsqueryPack pack = OsqueryPack.khien();

        assertThat(pack.queries().keySet())
                .contains(
                        "system_info",
                        "os_version",
                        "programs",
                        "deb_packages",
                        "rpm_packages",
                        "patches",
                        "windows_security_products",
                        "usb_devices",
                        "usbstor",
                        "interface_addresses",
                        "connectivity",
                        "internet_check",
                        "backup_status");
        assertThat(pack.queries().get("programs").snapshot()).isFalse();
        assertThat(pack.queries().get("usbstor").platform()).isEqualTo("windows");
    }

    @Test
    void everyPackQueryIsOneTheImporterMaps() {
        for (String name : OsqueryPack.khien().queries().keySet()) {
            assertThat(OsqueryQuery.byLoggedName("pack_khien_" + name)).as(name).isPresent();
            assertThat(OsqueryQuery.byLoggedName("pack/khien/" + name)).as(name).isPresent();
        }
    }

    @Test
    void refusesAPackWithoutAnInterval() {
        String bad = "{\"queries\":{\"x\":{\"query\":\"SELECT 1;\"}}}";
        assertThatThrownBy(() -> OsqueryPack.parse("p", new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8))))
                .hasMessage("pack 'p': queries.x.interval must be a whole number");
    }
}

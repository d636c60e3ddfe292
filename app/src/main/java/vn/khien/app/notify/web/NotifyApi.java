package vn.khien.app.notify.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.khien.app.notify.Delivery;
import vn.khien.app.notify.NotificationService;
import vn.khien.app.notify.NotifySettings;
import vn.khien.app.notify.Page;
import vn.khien.app.notify.Preference;
import vn.khien.app.notify.Warning;
import vn.khien.app.platform.UnitScope;

/** REST API of notifications. */
@RestController
@RequestMapping("/api/v1/notify")
@Tag(name = "Notifications", description = "Delivery log, pages, preferences, settings, relayed warnings")
class NotifyApi {
    private final NotificationService notifications;

    NotifyApi(NotificationService notifications) {
        this.notifications = notifications;
    }

    record SettingsChange(
            NotifySettings settings,
            @Nullable String telegramToken,
            @Nullable String smtpPassword) {}

    record Relay(String reference, String title, String body, List<Long> unitIds) {}

    @GetMapping("/deliveries")
    List<Delivery> deliveries(UnitScope scope) {
        return notifications.deliveries(scope);
    }

    @GetMapping("/pages")
    List<Page> pages(UnitScope scope) {
        return notifications.pages(scope);
    }

    @GetMapping("/settings")
    NotifySettings settings() {
        return notifications.settings();
    }

    @PutMapping("/settings")
    @Operation(
            summary =
                    "Change SMTP/Telegram settings (administrators); the bot token and SMTP password are stored encrypted")
    NotifySettings update(@RequestBody SettingsChange c) {
        return notifications.updateSettings(c.settings(), c.telegramToken(), c.smtpPassword());
    }

    @PutMapping("/preferences/{personId}")
    Preference preference(UnitScope scope, @PathVariable long personId, @RequestBody Preference p) {
        return notifications.setPreference(
                scope, new Preference(personId, p.channel(), p.email(), p.telegramChatId(), p.digestLow()));
    }

    @GetMapping("/warnings")
    List<Warning> warnings(UnitScope scope) {
        return notifications.warnings(scope);
    }

    @PostMapping("/warnings")
    @Operation(summary = "Relay a national warning to chosen units")
    ResponseEntity<Warning> relay(UnitScope scope, @RequestBody Relay r) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(notifications.relayWarning(scope, r.reference(), r.title(), r.body(), r.unitIds()));
    }

    @GetMapping("/warnings/{id}")
    Warning warning(UnitScope scope, @PathVariable long id) {
        return notifications.warning(scope, id);
    }
}

package vn.khien.app.notify.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.khien.app.notify.Channel;
import vn.khien.app.notify.NotificationService;
import vn.khien.app.notify.NotifySettings;
import vn.khien.app.notify.Preference;
import vn.khien.app.org.PersonService;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.UnitScope;

/** Notification pages: pages awaiting acknowledgement, the delivery log, settings, preferences, warning relay. */
@Controller
@RequestMapping("/notify")
class NotifyPages {
    private final NotificationService notifications;
    private final UnitService units;
    private final PersonService people;

    NotifyPages(NotificationService notifications, UnitService units, PersonService people) {
        this.notifications = notifications;
        this.units = units;
        this.people = people;
    }

    @GetMapping
    String index(UnitScope scope, Authentication auth, Model model) {
        boolean manager = auth.getAuthorities().stream()
                .anyMatch(a -> List.of("ROLE_ADMIN", "ROLE_COORDINATOR", "ROLE_AUDITOR")
                        .contains(a.getAuthority()));
        model.addAttribute("pages", manager ? notifications.pages(scope) : List.of());
        model.addAttribute("deliveries", manager ? notifications.deliveries(scope) : List.of());
        model.addAttribute("settings", notifications.settings());
        model.addAttribute("warnings", notifications.warnings(scope));
        model.addAttribute("units", units.all(scope));
        model.addAttribute("people", people.search(scope, null, null, 1000, 0));
        model.addAttribute("channels", Channel.values());
        return "notify/index";
    }

    @PostMapping("/settings")
    String settings(
            @RequestParam(required = false) @Nullable String smtpHost,
            @RequestParam(required = false) @Nullable Integer smtpPort,
            @RequestParam(defaultValue = "khien@localhost") String smtpFrom,
            @RequestParam(required = false) @Nullable String telegramBaseUrl,
            @RequestParam(required = false) @Nullable String telegramToken,
            @RequestParam(defaultValue = "15") int ackMinutes,
            @RequestParam(required = false) @Nullable String publicBaseUrl,
            @RequestParam(required = false) @Nullable String smtpUsername,
            @RequestParam(required = false) @Nullable String smtpPassword,
            @RequestParam(defaultValue = "false") boolean smtpStartTls) {
        notifications.updateSettings(
                new NotifySettings(
                        smtpHost,
                        smtpPort,
                        smtpFrom,
                        telegramBaseUrl,
                        false,
                        ackMinutes,
                        publicBaseUrl,
                        smtpUsername,
                        false,
                        smtpStartTls),
                telegramToken == null || telegramToken.isEmpty() ? null : telegramToken,
                smtpPassword == null || smtpPassword.isEmpty() ? null : smtpPassword);
        return "redirect:/notify";
    }

    @PostMapping("/preferences")
    String preference(
            UnitScope scope,
            @RequestParam long personId,
            @RequestParam Channel channel,
            @RequestParam(required = false) @Nullable String email,
            @RequestParam(required = false) @Nullable String telegramChatId,
            @RequestParam(defaultValue = "false") boolean digestLow) {
        notifications.setPreference(scope, new Preference(personId, channel, email, telegramChatId, digestLow));
        return "redirect:/notify";
    }

    @PostMapping("/warnings")
    String relay(
            UnitScope scope,
            @RequestParam String reference,
            @RequestParam String title,
            @RequestParam String body,
            @RequestParam List<Long> unitIds) {
        notifications.relayWarning(scope, reference, title, body, unitIds);
        return "redirect:/notify#warnings";
    }
}

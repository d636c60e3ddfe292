package vn.khien.app.notify.web;

import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import vn.khien.app.notify.NotificationService;

/**
 * Acknowledgement links, open without signing in (the signed token is the credential). The link opens a page
 * whose script submits the acknowledgement at once, so a person's one click acknowledges while mail scanners that
 * merely fetch links do not; without script, the page shows the button.
 */
@Controller
class AckController {
    private final NotificationService notifications;
    private final Clock clock;

    AckController(NotificationService notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @GetMapping("/ack/{token}")
    String confirm(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("pending", true);
        return "notify/ack";
    }

    @PostMapping("/ack/{token}")
    String acknowledge(@PathVariable String token, Model model) {
        NotificationService.Acknowledgement a = notifications.acknowledge(token, clock.instant());
        model.addAttribute("token", token);
        model.addAttribute("pending", false);
        model.addAttribute("ack", a);
        return "notify/ack";
    }
}

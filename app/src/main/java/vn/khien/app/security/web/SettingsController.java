package vn.khien.app.security.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.security.ApiKeyService;
import vn.khien.app.security.KhienPrincipal;
import vn.khien.app.security.UserService;
import vn.khien.core.org.Role;

/** Settings: the caller's account, logins of the province, API keys. Secrets are shown once, then never. */
@Controller
class SettingsController {
    private final UserService users;
    private final ApiKeyService keys;
    private final UnitService units;

    SettingsController(UserService users, ApiKeyService keys, UnitService units) {
        this.users = users;
        this.keys = keys;
        this.units = units;
    }

    @GetMapping("/settings")
    String settings(@AuthenticationPrincipal KhienPrincipal me, Model model) {
        model.addAttribute("account", me.userId() == null ? null : users.get(me.userId()));
        return "security/settings";
    }

    @GetMapping("/settings/users")
    String users(UnitScope scope, Model model) {
        model.addAttribute("users", users.list(scope));
        model.addAttribute("units", units.all(scope));
        model.addAttribute("roles", Role.values());
        return "security/users";
    }

    @PostMapping("/settings/users")
    String createUser(
            UnitScope scope,
            @RequestParam String username,
            @RequestParam String displayName,
            @RequestParam(required = false) @Nullable Long unitId,
            @RequestParam(required = false) @Nullable List<Role> roles,
            Model model) {
        Set<Role> r = roles == null || roles.isEmpty() ? EnumSet.of(Role.STAFF) : EnumSet.copyOf(roles);
        try {
            model.addAttribute("issued", users.create(scope, username.strip(), displayName.strip(), null, unitId, r));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return users(scope, model);
    }

    @PostMapping("/settings/users/{id}/reset-password")
    String reset(UnitScope scope, @PathVariable long id, Model model) {
        model.addAttribute("issued", users.resetPassword(scope, id));
        return users(scope, model);
    }

    @PostMapping("/settings/users/{id}/unlock")
    String unlock(UnitScope scope, @PathVariable long id) {
        users.unlock(scope, id);
        return "redirect:/settings/users";
    }

    @PostMapping("/settings/users/{id}/reset-mfa")
    String resetMfa(UnitScope scope, @PathVariable long id) {
        users.resetMfa(scope, id);
        return "redirect:/settings/users";
    }

    @GetMapping("/settings/api-keys")
    String apiKeys(UnitScope scope, Model model) {
        model.addAttribute("keys", keys.list(scope));
        model.addAttribute("units", units.all(scope));
        model.addAttribute(
                "roles",
                List.of(Role.IT_OFFICER, Role.STAFF, Role.AUDITOR, Role.COORDINATOR, Role.POLICE, Role.RESPONDER));
        return "security/api-keys";
    }

    @PostMapping("/settings/api-keys")
    String createKey(
            UnitScope scope,
            @RequestParam String name,
            @RequestParam long unitId,
            @RequestParam Role role,
            Model model) {
        model.addAttribute("created", keys.create(scope, name, unitId, role));
        return apiKeys(scope, model);
    }

    @PostMapping("/settings/api-keys/{id}/revoke")
    String revoke(UnitScope scope, @PathVariable long id) {
        keys.revoke(scope, id);
        return "redirect:/settings/api-keys";
    }
}

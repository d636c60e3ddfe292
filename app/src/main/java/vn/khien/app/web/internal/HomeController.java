package vn.khien.app.web.internal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.khien.app.org.PersonService;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.security.KhienPrincipal;

/** The home page: what the caller can see, at a glance. */
@Controller
class HomeController {
    private final UnitService units;
    private final PersonService people;

    HomeController(UnitService units, PersonService people) {
        this.units = units;
        this.people = people;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal KhienPrincipal me, UnitScope scope, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("unitCount", units.all(scope).size());
        model.addAttribute("personCount", people.count(scope));
        model.addAttribute("roots", units.roots(scope));
        model.addAttribute(
                "myUnit",
                me.unitId() == null ? null : units.find(scope, me.unitId()).orElse(null));
        return "home";
    }
}

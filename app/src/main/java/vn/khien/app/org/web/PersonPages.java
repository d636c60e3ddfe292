package vn.khien.app.org.web;

import jakarta.validation.Valid;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import vn.khien.app.org.Person;
import vn.khien.app.org.PersonDraft;
import vn.khien.app.org.PersonService;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.UnitScope;
import vn.khien.core.org.Role;

/** People pages: searchable list (htmx), person page, create and edit forms. */
@Controller
class PersonPages {
    private static final int PAGE = 50;
    private final PersonService people;
    private final UnitService units;

    PersonPages(PersonService people, UnitService units) {
        this.people = people;
        this.units = units;
    }

    @GetMapping("/people")
    String list(
            UnitScope scope,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        List<Person> found = people.search(scope, unit, q, PAGE + 1, page * PAGE);
        model.addAttribute("people", found.size() > PAGE ? found.subList(0, PAGE) : found);
        model.addAttribute("hasMore", found.size() > PAGE);
        model.addAttribute("page", page);
        model.addAttribute("q", q);
        model.addAttribute("unit", unit);
        model.addAttribute("units", units.all(scope));
        return htmx != null ? "org/people :: results" : "org/people";
    }

    @GetMapping("/people/new")
    String newForm(UnitScope scope, @RequestParam(required = false) @Nullable Long unit, Model model) {
        model.addAttribute("person", null);
        model.addAttribute("unitId", unit);
        model.addAttribute("units", units.all(scope));
        model.addAttribute("roles", Role.values());
        return "org/person-form";
    }

    @GetMapping("/people/{id}")
    String show(UnitScope scope, @PathVariable long id, Model model) {
        model.addAttribute("person", people.get(scope, id));
        return "org/person";
    }

    @GetMapping("/people/{id}/edit")
    String editForm(UnitScope scope, @PathVariable long id, Model model) {
        Person p = people.get(scope, id);
        model.addAttribute("person", p);
        model.addAttribute("unitId", p.unitId());
        model.addAttribute("units", units.all(scope));
        model.addAttribute("roles", Role.values());
        return "org/person-form";
    }

    @PostMapping("/people")
    String create(UnitScope scope, @Valid PersonForm form) {
        Person p = people.create(scope, form.draft());
        return "redirect:/people/" + p.id();
    }

    @PostMapping("/people/{id}")
    String update(UnitScope scope, @PathVariable long id, @Valid PersonForm form) {
        people.update(scope, id, form.draft());
        return "redirect:/people/" + id;
    }

    /** Form fields as posted by the person form. */
    record PersonForm(
            String fullName,
            @Nullable String position,
            Long unitId,
            @Nullable String email,
            @Nullable String phone,
            @Nullable String status,
            @Nullable List<Role> roles) {
        PersonDraft draft() {
            Set<Role> r = roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
            return new PersonDraft(
                    fullName,
                    position,
                    unitId,
                    email == null || email.isBlank() ? null : email,
                    phone,
                    !"LEFT".equals(status),
                    r);
        }
    }
}

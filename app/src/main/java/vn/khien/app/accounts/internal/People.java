package vn.khien.app.accounts.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.khien.app.org.Person;
import vn.khien.app.org.PersonService;
import vn.khien.app.platform.UnitScope;

/** Looks people up by email through {@link PersonService}, once per address within one import or sync. */
public final class People {
    private final PersonService people;
    private final Map<String, Optional<Person>> cache = new HashMap<>();

    public People(PersonService people) {
        this.people = people;
    }

    public Optional<Person> byEmail(@Nullable String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        String key = email.strip().toLowerCase(Locale.ROOT);
        return cache.computeIfAbsent(key, k -> people.search(UnitScope.province(), null, k, 10, 0).stream()
                .filter(p -> p.email() != null && p.email().equalsIgnoreCase(k))
                .findFirst());
    }
}

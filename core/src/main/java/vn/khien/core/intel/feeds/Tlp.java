package vn.khien.core.intel.feeds;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Traffic Light Protocol levels as {@link vn.khien.core.intel.Indicator#tlp()} stores them (TLP 2.0 names,
 * lower case), read from free text ({@code TLP:WHITE}, {@code tlp:amber+strict}) and from the well-known
 * STIX 2.1 marking-definition ids of TLP 1.0 and TLP 2.0.
 */
final class Tlp {
    /** Least to most restrictive, so the strictest of several markings wins. */
    static final List<String> ORDER = List.of("clear", "green", "amber", "amber+strict", "red");

    private static final Map<String, String> STIX_MARKINGS = Map.of(
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", "clear",
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", "green",
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", "amber",
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "red",
            "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", "clear",
            "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "green",
            "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "amber",
            "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", "amber+strict",
            "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "red");

    private Tlp() {}

    /** The TLP level a well-known STIX marking id stands for, or {@code null}. */
    static @Nullable String ofStixMarking(String id) {
        return STIX_MARKINGS.get(id);
    }

    /** Normalises {@code TLP:WHITE}, {@code amber}, {@code tlp:amber+strict} …; {@code null} if not a level. */
    static @Nullable String normalise(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("tlp:")) {
            t = t.substring(4).trim();
        }
        if (t.equals("white")) {
            t = "clear";
        }
        return ORDER.contains(t) ? t : null;
    }

    /** The stricter of two levels, either of which may be absent. */
    static @Nullable String stricter(@Nullable String a, @Nullable String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
    }
}

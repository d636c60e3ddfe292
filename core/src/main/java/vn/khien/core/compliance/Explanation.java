package vn.khien.core.compliance;

import java.util.List;
import java.util.Objects;

/**
 * A short explanation of a result for people, as a message key with arguments (for the app's Vietnamese and
 * English bundles) and already rendered in both languages.
 *
 * @param key message key, e.g. {@code compliance.AV-CURRENT.fail.stale}
 * @param args the arguments the key's messages use, in order
 * @param vi the Vietnamese text
 * @param en the English text
 */
public record Explanation(String key, List<String> args, String vi, String en) {
    public Explanation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(vi, "vi");
        Objects.requireNonNull(en, "en");
        args = List.copyOf(args);
    }
}

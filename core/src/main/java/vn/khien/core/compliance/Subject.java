package vn.khien.core.compliance;

import java.util.Objects;

/**
 * What a result is about: an endpoint (by inventory id), a unit (by unit id) or an official account (by registry
 * id, for the published account rules).
 *
 * @param kind endpoint or unit
 * @param id the endpoint's or unit's id, never blank
 */
public record Subject(Kind kind, String id) {
    /** The kinds of subject rules are evaluated for. */
    public enum Kind {
        ENDPOINT,
        UNIT,
        ACCOUNT
    }

    public Subject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("subject id must not be blank");
        }
    }

    public static Subject endpoint(String id) {
        return new Subject(Kind.ENDPOINT, id);
    }

    public static Subject unit(String id) {
        return new Subject(Kind.UNIT, id);
    }
}

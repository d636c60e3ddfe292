package vn.khien.app.duty;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One person's shift (ca trực) in a team's roster, {@code [startsAt, endsAt)}. */
public record Shift(
        long id,
        long teamId,
        Instant startsAt,
        Instant endsAt,
        long personId,
        String personName,
        ShiftRole role,
        @Nullable String label) {}

package vn.khien.app.duty;

import java.time.Instant;

/** A period in which a team has nobody in {@code role}. */
public record CoverageGap(long teamId, String teamName, ShiftRole role, Instant from, Instant to) {}

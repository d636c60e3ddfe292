package vn.khien.app.duty;

import org.jspecify.annotations.Nullable;

/** A team on duty (đội trực), e.g. the provincial incident-response team, with its lead. */
public record DutyTeam(
        long id,
        long unitId,
        String name,
        @Nullable Long leadPersonId,
        @Nullable String leadName) {}

package vn.khien.app.org;

import org.jspecify.annotations.Nullable;

/** A network a unit owns, used to attribute log lines and hosts to the unit. */
public record IpRange(
        long id, long unitId, String network, @Nullable String note) {}

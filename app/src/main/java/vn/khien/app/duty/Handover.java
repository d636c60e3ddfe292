package vn.khien.app.duty;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A handover note (bàn giao ca) from one shift to the next. */
public record Handover(long id, long teamId, @Nullable Long shiftId, String author, Instant at, String note) {}

package vn.khien.app.duty;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A request to hand a shift to someone else (đổi ca), approved or rejected by the team lead or a coordinator. */
public record Swap(
        long id,
        long shiftId,
        long fromPersonId,
        long toPersonId,
        String status,
        String requestedBy,
        @Nullable String decidedBy,
        Instant requestedAt) {}

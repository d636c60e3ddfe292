package vn.khien.app.incidents;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a reporter says when opening an incident.
 *
 * @param discoveredAt T0 (thời điểm phát hiện), the origin of every legal deadline; {@code null} means now
 */
public record IncidentDraft(
        @NotNull Long unitId,
        @NotBlank @Size(max = 300) String title,
        @NotNull IncidentCategory category,
        @Nullable Severity severity,
        @Nullable Instant discoveredAt,
        @Nullable @Size(max = 4000) String affected,
        @Nullable @Size(max = 2000) String affectedIds,
        @Nullable @Size(max = 4000) String indicators,
        @Nullable @Size(max = 8000) String summary,
        @Nullable InitialReportForm form) {}

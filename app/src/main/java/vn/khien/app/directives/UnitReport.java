package vn.khien.app.directives;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A unit's implementation report (báo cáo kết quả thực hiện) on one directive.
 *
 * @param tasks the unit's tasks with status and progress: live while a draft, as submitted afterwards
 * @param figures the linked-rule figures: live while a draft, as submitted afterwards
 * @param decidedBy who approved or returned it (the unit head): the login
 * @param decidedByName that person's full name as the signature block prints it
 */
public record UnitReport(
        long id,
        long directiveId,
        long unitId,
        String unitName,
        ReportStatus status,
        String text,
        List<DirectiveTask> tasks,
        List<RuleFigure> figures,
        @Nullable Instant submittedAt,
        @Nullable String submittedBy,
        @Nullable Instant decidedAt,
        @Nullable String decidedBy,
        @Nullable String decidedByName,
        @Nullable String returnReason,
        Instant updatedAt,
        List<EvidenceFile> evidence) {
    public UnitReport {
        tasks = List.copyOf(tasks);
        figures = List.copyOf(figures);
        evidence = List.copyOf(evidence);
    }
}

package vn.khien.app.directives;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The province view of one directive: one row per assigned unit with task and report figures.
 *
 * @param reported units whose report is submitted or approved
 */
public record Overview(long directiveId, String reference, List<Row> rows, int reported) {
    public Overview {
        rows = List.copyOf(rows);
    }

    public int units() {
        return rows.size();
    }

    /** One unit of the matrix. */
    public record Row(
            long unitId,
            String unitName,
            int tasksDone,
            int tasksTotal,
            int overdue,
            ReportStatus reportStatus,
            @Nullable Instant submittedAt,
            @Nullable Long reportId,
            List<EvidenceFile> evidence) {
        public Row {
            evidence = List.copyOf(evidence);
        }

        public boolean reported() {
            return reportStatus == ReportStatus.SUBMITTED || reportStatus == ReportStatus.APPROVED;
        }
    }
}

package vn.khien.app.directives;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An item of a directive assigned to a unit (nhiệm vụ), possibly by its parent unit's task.
 *
 * @param status the effective status: {@code OVERDUE} when past the deadline and not done
 * @param workStatus what the unit last reported (NEW, IN_PROGRESS, DONE)
 * @param rules compliance rule codes whose figures measure this task (e.g. AV-PRESENT)
 * @param escalatedTo the unit the overdue task was escalated to, or null
 */
public record DirectiveTask(
        long id,
        long directiveId,
        long itemId,
        String itemNumber,
        String itemText,
        long unitId,
        String unitName,
        @Nullable Long parentTaskId,
        LocalDate deadline,
        TaskStatus status,
        TaskStatus workStatus,
        int progress,
        @Nullable String note,
        List<String> rules,
        @Nullable Instant overdueSince,
        @Nullable Instant escalatedAt,
        @Nullable Long escalatedTo,
        Instant createdAt,
        String createdBy,
        Instant updatedAt) {
    public DirectiveTask {
        rules = List.copyOf(rules);
    }

    public boolean done() {
        return workStatus == TaskStatus.DONE;
    }

    public boolean overdue() {
        return status == TaskStatus.OVERDUE;
    }
}

package vn.khien.app.directives;

/** The state of a task; {@code OVERDUE} is set by the deadline check on tasks past their deadline and not done. */
public enum TaskStatus {
    NEW,
    IN_PROGRESS,
    DONE,
    OVERDUE
}

package vn.khien.app.directives;

/** The state of a task; {@code OVERDUE} is set by the deadline check on tasks past their deadline and not done. */
public enum TaskStatus {
    NEW("Mới giao"),
    IN_PROGRESS("Đang thực hiện"),
    DONE("Hoàn thành"),
    OVERDUE("Quá hạn");

    private final String vietnamese;

    TaskStatus(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    /** The label printed in official documents ("Hoàn thành"). */
    public String vietnamese() {
        return vietnamese;
    }
}

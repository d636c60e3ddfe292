package vn.khien.app.incidents;

/** The response phase a task belongs to. */
public enum TaskPhase {
    CONTAINMENT("Ngăn chặn"),
    ERADICATION("Loại bỏ"),
    RECOVERY("Khôi phục");

    private final String vietnamese;

    TaskPhase(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    public String vietnamese() {
        return vietnamese;
    }
}

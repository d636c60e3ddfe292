package vn.khien.app.directives;

/** A unit report's state; {@code NONE} is only used in the overview for a unit without a report. */
public enum ReportStatus {
    NONE("Chưa báo cáo"),
    DRAFT("Đang soạn"),
    SUBMITTED("Đã gửi, chờ duyệt"),
    APPROVED("Đã phê duyệt"),
    RETURNED("Bị trả lại");

    private final String vietnamese;

    ReportStatus(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    /** The label printed in official documents ("Đã phê duyệt"). */
    public String vietnamese() {
        return vietnamese;
    }
}

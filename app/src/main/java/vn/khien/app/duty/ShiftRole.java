package vn.khien.app.duty;

/** A person's part in a shift: the one paged first (trực chính) or the one paged next (trực dự phòng). */
public enum ShiftRole {
    PRIMARY("Trực chính"),
    BACKUP("Trực dự phòng");

    private final String vietnamese;

    ShiftRole(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    public String vietnamese() {
        return vietnamese;
    }
}

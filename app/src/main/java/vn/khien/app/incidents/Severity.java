package vn.khien.app.incidents;

import java.util.Locale;

/** How serious an incident or alert is (mức độ); HIGH and CRITICAL page the person on duty. */
public enum Severity {
    LOW("Thấp"),
    MEDIUM("Trung bình"),
    HIGH("Cao"),
    CRITICAL("Nghiêm trọng");

    private final String vietnamese;

    Severity(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public boolean pagesOnDuty() {
        return this == HIGH || this == CRITICAL;
    }

    /** Reads a severity name from another system, case-insensitively; unknown words count as MEDIUM. */
    public static Severity parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return MEDIUM;
        }
    }
}

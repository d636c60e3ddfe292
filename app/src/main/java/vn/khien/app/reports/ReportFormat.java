package vn.khien.app.reports;

/** The three files of a report. */
public enum ReportFormat {
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    PDF("application/pdf"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String mediaType;

    ReportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** "docx", "pdf" or "xlsx" (any case). */
    public static ReportFormat of(String s) {
        for (ReportFormat f : values()) {
            if (f.name().equalsIgnoreCase(s)) {
                return f;
            }
        }
        throw ReportException.invalid("unknown format: " + s);
    }
}

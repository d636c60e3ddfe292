package vn.khien.core.accounts.combolist;

/** The shape of the combolist line (or stealer-log block) a hit was found in. */
public enum ComboFormat {
    /** {@code email:password}, also with {@code |}, tab, comma or space between the two. */
    EMAIL_PASSWORD("email:password"),
    /** {@code email;password}. */
    EMAIL_SEMICOLON_PASSWORD("email;password"),
    /** {@code url:login:password} where the URL is {@code scheme://host/path} or a bare host. */
    URL_LOGIN_PASSWORD("url:login:password"),
    /** A bare email address with no password on the line. */
    EMAIL_ONLY("email"),
    /** A stealer-log block: {@code URL:}/{@code Username:}/{@code Password:} lines (or Login/USER/PASS). */
    STEALER_LOG("stealer-log");

    private final String label;

    ComboFormat(String label) {
        this.label = label;
    }

    /** The label written in JSON output, e.g. {@code url:login:password}. */
    public String label() {
        return label;
    }
}

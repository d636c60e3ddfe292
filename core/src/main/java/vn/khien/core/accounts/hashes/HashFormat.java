package vn.khien.core.accounts.hashes;

/**
 * Input formats of the password-hash audit, one record per line ({@code #} comments and blank lines
 * skipped).
 *
 * <ul>
 *   <li>{@link #NTLM}: pwdump lines as secretsdump or DSInternals export them,
 *       {@code user:rid:lmhash:nthash:::} (the user may be {@code DOMAIN&#92;user}; anything after the NT hash is
 *       ignored, e.g. {@code (status=Enabled)}).
 *   <li>{@link #LDAP}: {@code account<TAB>value} or {@code account:value} where value is an OpenLDAP
 *       {@code userPassword}: {@code {SHA}}, {@code {SSHA}}, {@code {SSHA512}} (base64 digest then salt) or
 *       {@code {CRYPT}} followed by {@code $1$}, {@code $5$}, {@code $6$} or a bcrypt string.
 *   <li>{@link #BCRYPT}: {@code account<TAB>$2b$cost$salthash} or {@code account:$2b$...} ({@code $2a$},
 *       {@code $2y$} too).
 * </ul>
 * The account of LDAP and bcrypt lines ends at the first TAB if the line has one, else at the first colon.
 */
public enum HashFormat {
    NTLM,
    LDAP,
    BCRYPT
}

package vn.khien.core.accounts.hashes;

/** The password hash schemes the audit can verify candidates against. */
public enum HashScheme {
    /** NT hash (MD4 of UTF-16LE), unsalted. */
    NTLM(false, false),
    /** LDAP {@code {SHA}}: SHA-1 of the password, unsalted. */
    SHA(false, false),
    /** LDAP {@code {SSHA}}: SHA-1 of password + salt. */
    SSHA(true, false),
    /** LDAP {@code {SSHA512}}: SHA-512 of password + salt. */
    SSHA512(true, false),
    /** {@code $1$} MD5-crypt (1000 iterations). */
    MD5_CRYPT(true, true),
    /** {@code $5$} SHA-256-crypt. */
    SHA256_CRYPT(true, true),
    /** {@code $6$} SHA-512-crypt. */
    SHA512_CRYPT(true, true),
    /** {@code $2a$}/{@code $2b$}/{@code $2y$} bcrypt. */
    BCRYPT(true, true);

    private final boolean salted;
    private final boolean slow;

    HashScheme(boolean salted, boolean slow) {
        this.salted = salted;
        this.slow = slow;
    }

    /** Whether equal passwords give different hashes (so sharing cannot be seen from the hashes). */
    public boolean salted() {
        return salted;
    }

    /** Whether the scheme is deliberately slow, so only a bounded candidate list is tried. */
    public boolean slow() {
        return slow;
    }
}

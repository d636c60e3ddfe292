package vn.khien.app.accounts;

/** Directory flavour of a connection: what the attributes mean and how an account is locked. */
public enum DirectoryKind {
    /** Active Directory: {@code userAccountControl}, {@code lastLogonTimestamp}, {@code pwdLastSet}. */
    AD,
    /** OpenLDAP with the ppolicy overlay: {@code pwdAccountLockedTime}, {@code pwdLastSuccess}. */
    OPENLDAP
}

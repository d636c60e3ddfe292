package vn.khien.app.accounts;

/** Kind of official system an account belongs to. */
public enum SystemKind {
    MAIL,
    AD,
    LDAP,
    ONE_STOP_SHOP,
    PUBLIC_SERVICE,
    OTHER
}

package vn.khien.app.directives;

/** Where a directive stands: a parsed draft under review, or confirmed and open for tasks. */
public enum DirectiveStatus {
    DRAFT,
    ACTIVE
}

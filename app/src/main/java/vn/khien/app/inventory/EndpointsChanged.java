package vn.khien.app.inventory;

/** Published after an import or an officer's change committed new facts; compliance re-evaluates on it. */
public record EndpointsChanged(String reason, int endpoints) {}

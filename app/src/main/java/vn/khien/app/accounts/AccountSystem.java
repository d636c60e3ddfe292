package vn.khien.app.accounts;

/** An official system (mail, AD domain, portal) whose accounts a unit manages. */
public record AccountSystem(long id, String name, SystemKind kind, long unitId, String unitName) {}

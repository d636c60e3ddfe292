package vn.khien.app.org;

/**
 * A person was marked as no longer working in the unit (đã nghỉ việc / chuyển công tác): published in the
 * transaction that changed them, so listeners (the accounts registry) flag what they owned in the same commit.
 */
public record PersonLeft(long personId, long unitId) {}

package vn.khien.app.demo;

/**
 * One feature's part of the demo province, run after the units and people exist, in {@link #order()}. A step
 * feeds real-format inputs (logs, exports, feeds, documents) through that feature's own importers; it never
 * writes result rows directly. Steps run as an administrator.
 */
public interface DemoStep {
    /** Short name for the start-up log. */
    String name();

    /** Steps run in ascending order. */
    default int order() {
        return 100;
    }

    /** Loads this feature's demo inputs; returns a one-line summary for the log. */
    String load();
}

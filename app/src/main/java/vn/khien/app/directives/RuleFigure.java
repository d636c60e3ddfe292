package vn.khien.app.directives;

/**
 * A measured figure of one compliance rule for one unit (its subtree), from the latest score snapshot.
 *
 * @param compliant how many checked objects comply
 * @param total how many were checked; 0 when nothing applies
 */
public record RuleFigure(String rule, long unitId, String unitName, long compliant, long total) {
    /** Compliant percentage, or -1 when nothing applies. */
    public int percent() {
        return total == 0 ? -1 : (int) Math.floor(100.0 * compliant / total);
    }
}

package vn.khien.core.compliance;

/**
 * A rule's threshold in days with the range a province administrator may set it within.
 *
 * @param days the value in force
 * @param min the lowest value allowed, at least 0
 * @param max the highest value allowed, at least {@code min}
 */
public record Threshold(int days, int min, int max) {
    public Threshold {
        if (min < 0) {
            throw new IllegalArgumentException("threshold min must be >= 0, was " + min);
        }
        if (max < min) {
            throw new IllegalArgumentException("threshold max " + max + " is below min " + min);
        }
        if (days < min || days > max) {
            throw new IllegalArgumentException("threshold " + days + " days is outside [" + min + ", " + max + "]");
        }
    }

    /** This threshold with another value, checked against the same limits. */
    public Threshold with(int newDays) {
        return new Threshold(newDays, min, max);
    }
}

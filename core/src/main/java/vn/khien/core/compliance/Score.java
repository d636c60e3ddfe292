package vn.khien.core.compliance;

import java.util.OptionalDouble;

/**
 * How many subjects comply out of how many the rule applies to.
 *
 * @param compliant subjects that pass, or fail under an active exception
 * @param total subjects the rule applies to (not-applicable ones excluded)
 */
public record Score(long compliant, long total) {
    public static final Score EMPTY = new Score(0, 0);

    public Score {
        if (compliant < 0 || total < 0 || compliant > total) {
            throw new IllegalArgumentException("score " + compliant + "/" + total + " is impossible");
        }
    }

    /** The compliant share between 0 and 1, empty when nothing applies. */
    public OptionalDouble share() {
        return total == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) compliant / total);
    }

    /** The compliant share in percent rounded to one decimal, empty when nothing applies. */
    public OptionalDouble percent() {
        return total == 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.round(1000.0 * compliant / total) / 10.0);
    }

    Score plus(Score o) {
        return new Score(compliant + o.compliant, total + o.total);
    }
}

package vn.khien.core.inventory;

import java.util.List;
import vn.khien.core.ingest.Rejection;

/** An endpoint report that breaks its schema; {@link #problems()} names each offending JSON pointer. */
public final class EndpointReportException extends RuntimeException {
    private final List<Rejection> problems;

    public EndpointReportException(List<Rejection> problems) {
        super(
                problems.isEmpty()
                        ? "invalid endpoint report"
                        : "invalid endpoint report: " + problems.get(0)
                                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    /** Each problem with its JSON pointer in {@link Rejection#element()} (line is 0: a report is one document). */
    public List<Rejection> problems() {
        return problems;
    }
}

package vn.khien.core.logs;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import vn.khien.core.ingest.ImportReport;

/**
 * Parses one log format into {@link LogEvent}s. Malformed lines are counted and reported with their line
 * numbers in the returned report; they never stop the run. Implementations are stateless and thread-safe.
 */
public interface LogParser {
    LogFormat format();

    /**
     * Reads {@code in} to the end, handing each event to {@code sink} in input order. Comment and blank
     * lines are neither read nor rejected. One line may yield several events (a DNS answer with several
     * records) or none (a line that is well-formed but carries nothing to match, counted as accepted).
     */
    ImportReport parse(InputStream in, Consumer<LogEvent> sink) throws IOException;
}

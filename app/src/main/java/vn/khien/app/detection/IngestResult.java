package vn.khien.app.detection;

import java.util.List;

/**
 * What one ingestion did.
 *
 * @param source the log source name
 * @param format the format used (chosen or detected)
 * @param lines lines read
 * @param malformed lines refused by the parser (first ones in {@code rejections} with their line numbers)
 * @param matched events that matched
 * @param alertsCreated alerts new with this ingestion
 * @param alertsUpdated existing alerts whose count grew
 */
public record IngestResult(
        String source,
        String format,
        long lines,
        long malformed,
        long matched,
        long alertsCreated,
        long alertsUpdated,
        List<String> rejections) {}

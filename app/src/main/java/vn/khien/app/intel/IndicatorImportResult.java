package vn.khien.app.intel;

import java.util.List;
import java.util.Map;

/**
 * What one indicator import did.
 *
 * @param format the format the content was detected as
 * @param read records read
 * @param accepted records that yielded a valid indicator
 * @param rejected records refused (see {@code rejections})
 * @param duplicates records repeating a value already read in the same file
 * @param suppressed accepted indicators dropped because a warninglist names them (by list in {@code suppressedBy})
 * @param inserted indicators new to the feed
 * @param updated indicators of the feed whose context changed
 * @param rejections the first rejections, each {@code where: reason} (a line number or a JSON pointer)
 */
public record IndicatorImportResult(
        String feed,
        String format,
        long read,
        long accepted,
        long rejected,
        long duplicates,
        long suppressed,
        Map<String, Long> suppressedBy,
        long inserted,
        long updated,
        List<String> rejections) {}

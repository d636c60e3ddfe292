package vn.khien.app.reports.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.khien.app.reports.ReportPeriod;
import vn.khien.core.compliance.Score;
import vn.khien.core.document.OfficialDocument;

/**
 * What a periodic report says, gathered from the compliance and organisation modules before any text is written.
 *
 * @param unitName the unit the report is about (the province's root unit for the province report)
 * @param measuredOn day of the latest score snapshot used, or null when nothing was measured yet
 * @param overall the report unit's score over its whole subtree
 * @param perRule the report unit's score per rule code
 * @param overallAtStart the overall percent on the first snapshot inside the period, or null
 * @param units the units below the report unit, each scored over its own subtree
 * @param rules the rules of the pack, in pack order
 * @param findings open/new/resolved finding counts of the whole subtree
 */
public record ReportData(
        Header header,
        String unitName,
        ReportPeriod period,
        @Nullable LocalDate measuredOn,
        Score overall,
        Map<String, Score> perRule,
        @Nullable Double overallAtStart,
        List<UnitLine> units,
        List<RuleLine> rules,
        FindingCounts findings) {

    /** The parts of the letter that come from settings rather than data. */
    public record Header(
            @Nullable String governingBody,
            String issuingBody,
            String symbol,
            String place,
            LocalDate date,
            List<String> recipients,
            List<String> cc,
            OfficialDocument.Signer signer) {}

    /** One unit's line: its subtree's score and finding counts. */
    public record UnitLine(
            long id, String code, String name, Score overall, Map<String, Score> perRule, FindingCounts findings) {}

    /** One rule of the pack. */
    public record RuleLine(String code, String title, String severity) {}

    /** Findings counted over a subtree: open now (and of them critical or high), opened and resolved in the period. */
    public record FindingCounts(long open, long openSevere, long newInPeriod, long resolvedInPeriod) {
        public static final FindingCounts NONE = new FindingCounts(0, 0, 0, 0);

        public FindingCounts plus(FindingCounts o) {
            return new FindingCounts(
                    open + o.open,
                    openSevere + o.openSevere,
                    newInPeriod + o.newInPeriod,
                    resolvedInPeriod + o.resolvedInPeriod);
        }
    }
}

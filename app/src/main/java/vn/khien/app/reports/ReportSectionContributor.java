package vn.khien.app.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.web.Xlsx;

/**
 * A section another module adds to the periodic report (e.g. the directives module: tasks done per unit). Every
 * Spring bean of this type is collected; none is required.
 */
public interface ReportSectionContributor {
    /**
     * Blocks appended to the periodic report of unitId (and its sub-units) for [from, to], limited to scope; empty
     * when nothing to say. Level-1 headings are numbered by the report: give their text without a number.
     */
    List<vn.khien.core.document.Block> sections(
            UnitScope scope, long unitId, LocalDate from, LocalDate to, Locale locale);

    /** Sheets appended to the report's XLSX annex with the data behind {@link #sections}; none by default. */
    default List<Xlsx.Sheet> annex(UnitScope scope, long unitId, LocalDate from, LocalDate to, Locale locale) {
        return List.of();
    }

    /** Position among contributed sections, lower first. */
    default int order() {
        return 100;
    }
}

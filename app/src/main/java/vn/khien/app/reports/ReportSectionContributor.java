package vn.khien.app.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import vn.khien.app.platform.UnitScope;

/**
 * A section another module adds to the periodic report (e.g. the directives module: tasks done per unit). Every
 * Spring bean of this type is collected; none is required.
 */
public interface ReportSectionContributor {
    /** Blocks appended to the periodic report of unitId (and its sub-units) for [from, to], limited to scope; empty when nothing to say. */
    List<vn.khien.core.document.Block> sections(
            UnitScope scope, long unitId, LocalDate from, LocalDate to, Locale locale);

    /** Position among contributed sections, lower first. */
    default int order() {
        return 100;
    }
}

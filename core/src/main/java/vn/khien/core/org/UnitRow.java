package vn.khien.core.org;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One valid row of a units CSV.
 *
 * @param line 1-based line number in the file (the header is line 1)
 * @param code the unit's stable code (mã đơn vị)
 * @param name Vietnamese name
 * @param kind kind of unit
 * @param parentCode code of the parent unit, or {@code null} for the province itself
 * @param validFrom from when this row holds; {@code null} means "today" to the importer
 * @param ipRanges the unit's networks
 * @param emailDomains the unit's official mail domains, lower case
 */
public record UnitRow(
        long line,
        String code,
        String name,
        UnitKind kind,
        @Nullable String parentCode,
        @Nullable LocalDate validFrom,
        List<Cidr> ipRanges,
        List<String> emailDomains) {
    public UnitRow {
        ipRanges = List.copyOf(ipRanges);
        emailDomains = List.copyOf(emailDomains);
    }
}

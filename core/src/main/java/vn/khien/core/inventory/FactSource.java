package vn.khien.core.inventory;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a fact came from and when it was observed: {@code input} names the channel and, for osquery, the
 * query ({@code osquery/programs}, {@code av-csv/kaspersky-security-center}, {@code report}).
 *
 * @param input the input channel, never blank
 * @param observedAt when the input observed the fact (the agent's clock, or the export's date)
 */
public record FactSource(String input, Instant observedAt) {
    /** Prefix of the input of facts from osquery. */
    public static final String OSQUERY = "osquery/";
    /** Prefix of the input of facts from antivirus/EDR console CSV exports. */
    public static final String AV_CSV = "av-csv/";
    /** Input of facts posted as endpoint reports ({@code POST /api/v1/endpoints/reports}). */
    public static final String REPORT = "report";

    public FactSource {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(observedAt, "observedAt");
        if (input.isBlank()) {
            throw new IllegalArgumentException("fact source input must not be blank");
        }
    }
}

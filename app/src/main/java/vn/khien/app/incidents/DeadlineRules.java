package vn.khien.app.incidents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Computes an incident's legal reporting deadlines from its discovery time T0 and the reporting regime in force
 * on T0's date, as given by a versioned rule pack ({@code rules/incident-deadlines.json}). Framework-free.
 *
 * <p>Implementation notes. A deadline in {@code hours} is T0 plus that many hours, whatever the day. A deadline in
 * {@code days} (Circular 20/2017: "trong vòng 05 ngày") counts <em>calendar</em> days as the Civil Code 2015
 * (art. 147–148) counts any period in days: the day of T0 is not counted, the period ends at 24:00 of its last
 * day, and when that day is a weekend or a listed holiday it ends at 24:00 of the next working day. So a
 * legacy incident found on Monday 10:00 is due at the end of Saturday → rolled to the end of Monday.
 */
public final class DeadlineRules {
    /** The parsed rule pack. */
    public record Pack(
            String pack,
            String version,
            String zone,
            double warnFraction,
            List<LocalDate> nonWorkingDays,
            List<Regime> regimes) {}

    /** One legal regime and the period its rules apply to (T0 dates from {@code effectiveFrom}, before {@code effectiveTo}). */
    public record Regime(
            String id,
            String name,
            LocalDate effectiveFrom,
            @Nullable LocalDate effectiveTo,
            List<Rule> deadlines) {}

    /** One deadline: either {@code hours} after T0 or {@code days} calendar days per the Civil Code. */
    public record Rule(
            String id,
            String label,
            @Nullable Integer hours,
            @Nullable Integer days) {}

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Pack pack;
    private final ZoneId zone;
    private final Set<LocalDate> holidays;

    public DeadlineRules(Pack pack) {
        if (pack.warnFraction() <= 0 || pack.warnFraction() >= 1) {
            throw new IllegalArgumentException("warnFraction must lie in (0, 1), got " + pack.warnFraction());
        }
        for (Regime r : pack.regimes()) {
            for (Rule rule : r.deadlines()) {
                if ((rule.hours() == null) == (rule.days() == null)) {
                    throw new IllegalArgumentException("deadline '" + rule.id() + "' needs exactly one of hours, days");
                }
            }
        }
        this.pack = pack;
        this.zone = ZoneId.of(pack.zone());
        this.holidays = Set.copyOf(pack.nonWorkingDays());
    }

    public static DeadlineRules read(InputStream json) {
        try (json) {
            return new DeadlineRules(JSON.readValue(json, Pack.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pack shipped with Khiên. */
    public static DeadlineRules shipped() {
        InputStream in = DeadlineRules.class.getResourceAsStream("/rules/incident-deadlines.json");
        if (in == null) {
            throw new IllegalStateException("rules/incident-deadlines.json is missing from the classpath");
        }
        return read(in);
    }

    public String version() {
        return pack.version();
    }

    /** The regime in force on T0's local date. */
    public Regime regimeFor(Instant t0) {
        LocalDate day = LocalDate.ofInstant(t0, zone);
        return pack.regimes().stream()
                .filter(r ->
                        !day.isBefore(r.effectiveFrom()) && (r.effectiveTo() == null || day.isBefore(r.effectiveTo())))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no incident regime in force on " + day));
    }

    /** Every deadline of an incident discovered at {@code t0}, in the pack's order. */
    public List<Deadline> deadlines(Instant t0) {
        Regime regime = regimeFor(t0);
        List<Deadline> out = new ArrayList<>();
        for (Rule rule : regime.deadlines()) {
            Instant due = rule.hours() != null ? t0.plus(Duration.ofHours(rule.hours())) : endOfDays(t0, rule.days());
            long span = Duration.between(t0, due).toSeconds();
            Instant warnAt = due.minusSeconds(Math.round(span * pack.warnFraction()));
            out.add(new Deadline(rule.id(), rule.label(), regime.id(), pack.version(), t0, due, warnAt));
        }
        return out;
    }

    private Instant endOfDays(Instant t0, int days) {
        LocalDate last = LocalDate.ofInstant(t0, zone).plusDays(days);
        while (!working(last)) {
            last = last.plusDays(1);
        }
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    boolean working(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(d);
    }
}

package vn.khien.core.inventory;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.khien.core.ingest.ImportReport;
import vn.khien.core.ingest.Rejection;

/**
 * Imports an antivirus/EDR console's CSV export through an {@link AvConsoleProfile}: each row becomes the
 * security products (and address, OS, last-seen) of one endpoint, found by host name or IP. A bad row is rejected
 * with its line and column; unknown columns are reported, not fatal. UTF-8/UTF-16 byte-order marks and CRLF line
 * ends are handled. Each row replaces the facts this console reported earlier for that endpoint, so importing the
 * same export twice gives the same state.
 */
public final class AvConsoleCsvImporter {
    /** Rows beyond this are refused: a console export of a province is far smaller, a hostile file may not be. */
    public static final int MAX_ROWS = 1_000_000;

    private static final int MAX_FIELD = 4_000;

    private final Inventory inventory;

    /** An importer writing into the given inventory. */
    public AvConsoleCsvImporter(Inventory inventory) {
        this.inventory = inventory;
    }

    /**
     * Imports one export.
     *
     * @param exportedAt when the export was made; the observation time of rows without a last-seen column
     * @throws UncheckedIOException when the stream fails
     */
    public AvCsvImport importCsv(InputStream in, AvConsoleProfile profile, Instant exportedAt) {
        try {
            BufferedInputStream bin = new BufferedInputStream(in);
            Charset charset = detectBom(bin, profile.charset());
            Reader reader = new BufferedReader(new InputStreamReader(bin, charset));
            return importCsv(reader, profile, exportedAt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports one export already decoded to text (a leading BOM character is skipped). */
    public AvCsvImport importCsv(Reader in, AvConsoleProfile profile, Instant exportedAt) {
        ImportReport.Builder report = ImportReport.builder();
        List<String> unknown = new ArrayList<>();
        String input = FactSource.AV_CSV + profile.id();
        DateTimeFormatter[] formats = profile.dateFormats().stream()
                .map(p -> DateTimeFormatter.ofPattern(p, Locale.ENGLISH).withZone(profile.timeZone()))
                .toArray(DateTimeFormatter[]::new);
        try {
            BufferedReader br = in instanceof BufferedReader b ? b : new BufferedReader(in);
            br.mark(8192);
            char[] head = new char[8192];
            int n = br.read(head, 0, head.length);
            br.reset();
            String headText = n <= 0 ? "" : new String(head, 0, n);
            if (headText.startsWith("\uFEFF")) {
                br.skip(1);
                headText = headText.substring(1);
            }
            char sep = profile.delimiter() != 0 ? profile.delimiter() : sniff(headText);
            try (CsvReader<CsvRecord> csv = CsvReader.builder()
                    .fieldSeparator(sep)
                    .skipEmptyLines(true)
                    .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .ofCsvRecord(br)) {
                AvField[] byIndex = null;
                String[] headers = null;
                Set<String> seenRows = new HashSet<>();
                for (CsvRecord rec : csv) {
                    long line = rec.getStartingLineNumber();
                    if (byIndex == null) {
                        byIndex = new AvField[rec.getFieldCount()];
                        headers = new String[rec.getFieldCount()];
                        for (int i = 0; i < rec.getFieldCount(); i++) {
                            String h = rec.getField(i).strip();
                            headers[i] = h;
                            AvField f = profile.columns().get(Strings.fold(h));
                            if (f == null && !h.isEmpty()) {
                                unknown.add(h);
                            }
                            byIndex[i] = f;
                        }
                        boolean hasKey = false;
                        for (AvField f : byIndex) {
                            hasKey |= f == AvField.HOSTNAME || f == AvField.IP;
                        }
                        if (!hasKey) {
                            report.read();
                            report.reject(new Rejection(
                                    line, "", "the header has no host name or IP column for profile " + profile.id()));
                            return new AvCsvImport(report.build(), unknown);
                        }
                        continue;
                    }
                    report.read();
                    if (report.readCount() > MAX_ROWS) {
                        report.reject(line, "more than " + MAX_ROWS + " rows; the rest of the file was not read");
                        break;
                    }
                    String signature = String.join("\u0001", rec.getFields());
                    if (!seenRows.add(signature)) {
                        report.duplicate();
                        continue;
                    }
                    try {
                        applyRow(rec, byIndex, headers, profile, formats, input, exportedAt);
                        report.accept();
                    } catch (RowError e) {
                        report.reject(new Rejection(line, e.column, e.getMessage()));
                    }
                }
            } catch (CsvParseException e) {
                report.read();
                report.reject(0, "CSV structure broken: " + e.getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AvCsvImport(report.build(), unknown);
    }

    private static final class RowError extends RuntimeException {
        final String column;

        RowError(String column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }

    private void applyRow(
            CsvRecord rec,
            AvField[] byIndex,
            String[] headers,
            AvConsoleProfile profile,
            DateTimeFormatter[] formats,
            String input,
            Instant exportedAt) {
        Map<AvField, String> values = new EnumMap<>(AvField.class);
        Map<AvField, String> columnOf = new EnumMap<>(AvField.class);
        for (int i = 0; i < byIndex.length && i < rec.getFieldCount(); i++) {
            AvField f = byIndex[i];
            if (f == null || f == AvField.IGNORE) {
                continue;
            }
            String raw = rec.getField(i).strip();
            if (raw.length() > MAX_FIELD) {
                throw new RowError(headers[i], "value longer than " + MAX_FIELD + " characters");
            }
            if (raw.isEmpty()) {
                continue;
            }
            Map<String, Map<AvField, String>> words = profile.values().get(Strings.fold(headers[i]));
            Map<AvField, String> assign = words == null ? null : words.get(Strings.fold(raw));
            if (assign != null) {
                String header = headers[i];
                assign.forEach((af, v) -> {
                    values.put(af, v);
                    columnOf.put(af, header);
                });
            } else {
                values.put(f, raw);
                columnOf.put(f, headers[i]);
            }
        }
        String hostname = values.get(AvField.HOSTNAME);
        String ip = values.get(AvField.IP);
        if (ip != null) {
            // consoles list several addresses in one cell: the first is the endpoint's primary one
            ip = ip.split("[,;\\s]+")[0];
            if (!Strings.looksLikeIp(ip)) {
                throw new RowError(columnOf.get(AvField.IP), "not an IP address: '" + ip + "'");
            }
        }
        if (hostname == null && ip == null) {
            throw new RowError("", "row has neither host name nor IP address");
        }
        Instant seen = exportedAt;
        if (values.containsKey(AvField.LAST_SEEN)) {
            seen = instant(values.get(AvField.LAST_SEEN), columnOf.get(AvField.LAST_SEEN), formats, profile);
        }
        FactSource src = new FactSource(input, seen);
        List<EndpointFact> facts = new ArrayList<>();
        SecurityProduct av = product(SecurityProductKind.ANTIVIRUS, values, columnOf, profile, formats, src);
        if (av != null) {
            facts.add(av);
        }
        SecurityProduct edr = product(SecurityProductKind.EDR, values, columnOf, profile, formats, src);
        if (edr != null) {
            facts.add(edr);
        }
        if (ip != null || values.containsKey(AvField.MAC)) {
            try {
                facts.add(new NetworkAddress(null, ip, values.get(AvField.MAC), src));
            } catch (IllegalArgumentException e) {
                throw new RowError(columnOf.getOrDefault(AvField.MAC, ""), e.getMessage());
            }
        }
        String os = values.get(AvField.OS);
        if (os != null) {
            facts.add(new OsInfo(os, null, null, null, src));
        }
        if (hostname != null) {
            facts.add(new HostIdentity(hostname, null, src));
        }
        HostState host = inventory.resolve(null, hostname, ip);
        host.seen(seen);
        for (FactKind k : new FactKind[] {FactKind.SECURITY, FactKind.ADDRESS, FactKind.OS, FactKind.IDENTITY}) {
            host.clear(k, input);
        }
        for (EndpointFact f : facts) {
            inventory.apply(host, f);
        }
    }

    private static @Nullable SecurityProduct product(
            SecurityProductKind kind,
            Map<AvField, String> values,
            Map<AvField, String> columnOf,
            AvConsoleProfile profile,
            DateTimeFormatter[] formats,
            FactSource src) {
        boolean av = kind == SecurityProductKind.ANTIVIRUS;
        boolean any = false;
        for (Map.Entry<AvField, String> e : values.entrySet()) {
            if (av ? e.getKey().isAntivirus() : e.getKey().isEdr()) {
                if (AvConsoleProfile.ABSENT.equals(e.getValue())) {
                    return null;
                }
                any = true;
            }
        }
        if (!any) {
            return null;
        }
        String name = values.get(av ? AvField.AV_NAME : AvField.EDR_NAME);
        if (name == null) {
            name = av ? profile.antivirusName() : profile.edrName();
        }
        if (name == null) {
            name = profile.product();
        }
        Instant signatures = null;
        Boolean current = null;
        if (av) {
            String sig = values.get(AvField.AV_SIGNATURE_DATE);
            if (sig != null) {
                signatures = instant(sig, columnOf.get(AvField.AV_SIGNATURE_DATE), formats, profile);
            }
            current = bool(values, columnOf, AvField.AV_SIGNATURES_CURRENT);
        }
        return new SecurityProduct(
                name,
                kind,
                values.get(av ? AvField.AV_VERSION : AvField.EDR_VERSION),
                bool(values, columnOf, av ? AvField.AV_RUNNING : AvField.EDR_RUNNING),
                bool(values, columnOf, av ? AvField.AV_ENABLED : AvField.EDR_ENABLED),
                signatures,
                current,
                src);
    }

    private static @Nullable Boolean bool(Map<AvField, String> values, Map<AvField, String> columnOf, AvField f) {
        String v = values.get(f);
        if (v == null) {
            return null;
        }
        return switch (Strings.fold(v)) {
            case "true", "1", "yes", "co", "on" -> true;
            case "false", "0", "no", "khong", "off" -> false;
            default ->
                throw new RowError(
                        columnOf.getOrDefault(f, f.key()),
                        "value '" + v + "' is not mapped for " + f.key() + " in this profile");
        };
    }

    private static Instant instant(String text, String column, DateTimeFormatter[] formats, AvConsoleProfile profile) {
        for (DateTimeFormatter f : formats) {
            try {
                TemporalAccessor t = f.parseBest(text, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
                if (t instanceof OffsetDateTime o) {
                    return o.toInstant();
                } else if (t instanceof LocalDateTime l) {
                    return l.atZone(profile.timeZone()).toInstant();
                } else if (t instanceof LocalDate d) {
                    return d.atStartOfDay(profile.timeZone()).toInstant();
                } else if (t instanceof ZonedDateTime z) {
                    return z.toInstant();
                }
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        throw new RowError(column, "wrong date '" + text + "' (expected " + profile.dateFormats() + ")");
    }

    private static Charset detectBom(BufferedInputStream in, Charset fallback) throws IOException {
        in.mark(4);
        int b0 = in.read();
        int b1 = in.read();
        int b2 = in.read();
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        in.reset();
        if (b0 == 0xFF && b1 == 0xFE) {
            in.skip(2);
            return StandardCharsets.UTF_16LE;
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            in.skip(2);
            return StandardCharsets.UTF_16BE;
        }
        return fallback;
    }

    private static char sniff(String head) {
        int nl = head.indexOf('\n');
        String first = nl < 0 ? head : head.substring(0, nl);
        char best = ',';
        long bestCount = first.chars().filter(c -> c == ',').count();
        for (char c : new char[] {';', '\t'}) {
            long count = first.chars().filter(x -> x == c).count();
            if (count > bestCount) {
                best = c;
                bestCount = count;
            }
        }
        return best;
    }
}

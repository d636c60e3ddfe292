package vn.khien.core.inventory;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.core.ingest.ImportReport;

/**
 * Applies osquery result logs to an {@link Inventory}: JSON lines from the filesystem logger, or the {@code data}
 * array of a TLS logger request. Each entry is in snapshot form ({@code "action":"snapshot"} with
 * {@code snapshot[]}), event form ({@code "action":"added"|"removed"} with {@code columns}) or batch form
 * ({@code diffResults.added/removed}). A bad entry is rejected with its line (or {@code /data/i} pointer) and the
 * column at fault, leaving the inventory as it was for that entry; the rest is applied.
 *
 * <p>Implementation notes: each line is parsed once into a Jackson tree (lines are small; the tree keeps the
 * row mapping simple) and its rows are mapped to facts before any is applied, so a rejected line changes
 * nothing. A snapshot replaces the facts of its query on that host; {@code removed} rows remove facts, except
 * storage devices, which are history. Re-applying a log gives the same state. Not thread-safe, like the
 * inventory it writes to.
 */
public final class OsqueryResultImporter {
    /** Lines longer than this (16 Mi characters) are rejected without being held in memory. */
    public static final int MAX_LINE_CHARS = 16 * 1024 * 1024;

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final DateTimeFormatter CALENDAR_TIME =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss uuuu", Locale.ENGLISH);

    private final Inventory inventory;

    /** An importer writing into the given inventory. */
    public OsqueryResultImporter(Inventory inventory) {
        this.inventory = inventory;
    }

    /**
     * Imports a result log, one JSON object per line; blank lines are skipped and not counted.
     *
     * @throws UncheckedIOException when the reader fails
     */
    public ImportReport importLog(Reader in) {
        ImportReport.Builder report = ImportReport.builder();
        BoundedLineReader lines = new BoundedLineReader(in, MAX_LINE_CHARS);
        try {
            String line;
            while ((line = lines.next()) != null) {
                long n = lines.lineNumber();
                if (lines.lastWasTooLong()) {
                    report.read();
                    report.reject(n, "line longer than " + MAX_LINE_CHARS + " characters");
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                report.read();
                JsonNode entry;
                try {
                    entry = JSON.readTree(line);
                } catch (JacksonException e) {
                    report.reject(n, "malformed JSON: " + e.getOriginalMessage());
                    continue;
                }
                applyEntry(entry, n, "", report);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return report.build();
    }

    /**
     * Imports the entries of a TLS logger request of type {@code result}; rejections name {@code /data/i}.
     *
     * @param data the request's {@code data} array
     */
    public ImportReport importEntries(List<JsonNode> data) {
        ImportReport.Builder report = ImportReport.builder();
        for (int i = 0; i < data.size(); i++) {
            report.read();
            applyEntry(data.get(i), 0, "/data/" + i, report);
        }
        return report.build();
    }

    private void applyEntry(JsonNode entry, long line, String pointer, ImportReport.Builder report) {
        if (!entry.isObject()) {
            report.reject(new vn.khien.core.ingest.Rejection(line, pointer, "not a JSON object"));
            return;
        }
        String name = OsqueryRows.str(entry, "name");
        if (name == null) {
            reject(report, line, pointer, "name", "missing query name");
            return;
        }
        String baseName = OsqueryQuery.baseName(name);
        Optional<OsqueryQuery> query = OsqueryQuery.byLoggedName(baseName);
        if (query.isEmpty()) {
            reject(report, line, pointer, "name", "unknown query '" + name + "'");
            return;
        }
        String hostIdentifier = OsqueryRows.str(entry, "hostIdentifier");
        if (hostIdentifier == null) {
            hostIdentifier = OsqueryRows.str(entry, "hostname");
        }
        JsonNode decorations = entry.get("decorations");
        String hostname = null;
        if (decorations != null && decorations.isObject()) {
            hostname = OsqueryRows.str(decorations, "hostname");
            if (hostIdentifier == null) {
                hostIdentifier = OsqueryRows.str(decorations, "host_uuid");
            }
        }
        if (hostIdentifier == null) {
            reject(report, line, pointer, "hostIdentifier", "missing hostIdentifier");
            return;
        }
        Instant time;
        try {
            time = time(entry);
        } catch (OsqueryRows.RowError e) {
            reject(report, line, pointer, e.column, e.getMessage());
            return;
        }
        FactSource src = new FactSource(FactSource.OSQUERY + baseName, time);
        OsqueryQuery q = query.get();

        List<EndpointFact> added = new ArrayList<>();
        List<EndpointFact> removed = new ArrayList<>();
        boolean snapshot = false;
        try {
            String action = OsqueryRows.str(entry, "action");
            JsonNode diff = entry.get("diffResults");
            if ("snapshot".equals(action)) {
                snapshot = true;
                mapRows(q, entry.get("snapshot"), "snapshot", src, added);
            } else if ("added".equals(action) || "removed".equals(action)) {
                JsonNode columns = entry.get("columns");
                if (columns == null || !columns.isObject()) {
                    throw new OsqueryRows.RowError("columns", "event entry without a columns object");
                }
                EndpointFact f = OsqueryRows.map(q, columns, src);
                if (f != null) {
                    ("added".equals(action) ? added : removed).add(f);
                }
            } else if (action != null) {
                throw new OsqueryRows.RowError("action", "unknown action '" + action + "'");
            } else if (diff != null && diff.isObject()) {
                mapRows(q, diff.get("removed"), "diffResults/removed", src, removed);
                mapRows(q, diff.get("added"), "diffResults/added", src, added);
            } else {
                throw new OsqueryRows.RowError("action", "entry has no snapshot, columns or diffResults");
            }
        } catch (OsqueryRows.RowError e) {
            reject(report, line, pointer, e.column, e.getMessage());
            return;
        } catch (IllegalArgumentException e) {
            reject(report, line, pointer, "", e.getMessage());
            return;
        }

        if (hostname == null && q == OsqueryQuery.SYSTEM_INFO && !added.isEmpty()) {
            hostname = ((HostIdentity) added.get(0)).hostname();
        }
        HostState host = inventory.resolve(hostIdentifier, hostname, null);
        host.seen(time);
        if (snapshot) {
            host.clear(q.kind, src.input());
        }
        for (EndpointFact f : removed) {
            host.remove(f);
        }
        for (EndpointFact f : added) {
            inventory.apply(host, f);
        }
        report.accept();
    }

    private static void mapRows(
            OsqueryQuery q, @Nullable JsonNode rows, String where, FactSource src, List<EndpointFact> out) {
        if (rows == null || rows.isNull()) {
            return;
        }
        if (!rows.isArray()) {
            throw new OsqueryRows.RowError(where, where + " is not an array");
        }
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            if (!row.isObject()) {
                throw new OsqueryRows.RowError(where + "/" + i, "row is not an object");
            }
            try {
                EndpointFact f = OsqueryRows.map(q, row, src);
                if (f != null) {
                    out.add(f);
                }
            } catch (OsqueryRows.RowError e) {
                throw new OsqueryRows.RowError(where + "/" + i + "/" + e.column, e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new OsqueryRows.RowError(where + "/" + i, e.getMessage());
            }
        }
    }

    /** The entry's time: {@code unixTime} (string or number), else {@code calendarTime} (always UTC in osquery). */
    private static Instant time(JsonNode entry) {
        String unix = OsqueryRows.str(entry, "unixTime");
        if (unix != null) {
            return OsqueryRows.epoch(unix, "unixTime");
        }
        String cal = OsqueryRows.str(entry, "calendarTime");
        if (cal == null) {
            throw new OsqueryRows.RowError("unixTime", "missing unixTime and calendarTime");
        }
        String s = cal.replaceAll("\\s+", " ");
        if (s.endsWith(" UTC")) {
            s = s.substring(0, s.length() - 4);
        }
        try {
            return LocalDateTime.parse(s, CALENDAR_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new OsqueryRows.RowError("calendarTime", "wrong date '" + cal + "'");
        }
    }

    private static void reject(ImportReport.Builder report, long line, String pointer, String element, String reason) {
        String where = pointer.isEmpty() ? element : element.isEmpty() ? pointer : pointer + "/" + element;
        report.reject(new vn.khien.core.ingest.Rejection(line, where, reason));
    }
}

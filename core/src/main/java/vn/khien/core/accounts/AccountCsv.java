package vn.khien.core.accounts;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.khien.core.ingest.Headers;
import vn.khien.core.ingest.ImportReport;
import vn.khien.core.ingest.Rejection;

/**
 * Reads an account export of a system without a directory (one-stop-shop portal, public-service portal,
 * mail server admin export) as CSV: one account per row, headers in Vietnamese or English in any order,
 * comma or semicolon separated. Rows that cannot be read are rejected with their line and column; the rest
 * are returned. Dates are {@code dd/MM/yyyy} (optionally with {@code HH:mm}) or ISO {@code yyyy-MM-dd};
 * booleans {@code có/không}, {@code yes/no}, {@code true/false}, {@code 1/0}. Stateless and thread-safe.
 */
public final class AccountCsv {
    /** Rows read at most from one file. */
    public static final int MAX_ROWS = 500_000;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu");
    private static final DateTimeFormatter DMY_HM = DateTimeFormatter.ofPattern("d/M/uuuu H:mm");
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("login", "login"),
            Map.entry("ten dang nhap", "login"),
            Map.entry("tai khoan", "login"),
            Map.entry("username", "login"),
            Map.entry("user", "login"),
            Map.entry("email", "email"),
            Map.entry("thu dien tu", "email"),
            Map.entry("enabled", "enabled"),
            Map.entry("hoat dong", "enabled"),
            Map.entry("kich hoat", "enabled"),
            Map.entry("locked", "locked"),
            Map.entry("bi khoa", "locked"),
            Map.entry("khoa", "locked"),
            Map.entry("created", "created"),
            Map.entry("ngay tao", "created"),
            Map.entry("last login", "lastLogin"),
            Map.entry("dang nhap cuoi", "lastLogin"),
            Map.entry("lan dang nhap cuoi", "lastLogin"),
            Map.entry("password last set", "passwordSet"),
            Map.entry("doi mat khau", "passwordSet"),
            Map.entry("ngay doi mat khau", "passwordSet"),
            Map.entry("privileged", "privileged"),
            Map.entry("quan tri", "privileged"),
            Map.entry("admin", "privileged"),
            Map.entry("mfa", "mfa"),
            Map.entry("xac thuc hai lop", "mfa"),
            Map.entry("2fa", "mfa"));

    /**
     * One account row.
     *
     * @param line 1-based line in the file
     * @param login the login as exported (stripped)
     * @param email lower-cased address, or {@code null}
     * @param created when the account was created, or {@code null}
     * @param lastLogin last sign-in, or {@code null} when never or unknown
     * @param passwordSet when the password was last set, or {@code null}
     */
    public record Row(
            long line,
            String login,
            @Nullable String email,
            boolean enabled,
            boolean locked,
            @Nullable LocalDateTime created,
            @Nullable LocalDateTime lastLogin,
            @Nullable LocalDateTime passwordSet,
            boolean privileged,
            boolean mfa) {}

    /** Accepted rows and the report of read, accepted and rejected rows. */
    public record Parsed(List<Row> rows, ImportReport report) {
        public Parsed {
            rows = List.copyOf(rows);
        }
    }

    private AccountCsv() {}

    /** Reads the whole file; the header must name at least the login column. */
    public static Parsed read(Reader in) {
        ImportReport.Builder report = ImportReport.builder();
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        java.io.PushbackReader pin = new java.io.PushbackReader(in, 4096);
        char separator = sniff(pin);
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .fieldSeparator(separator)
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(pin)) {
            Map<String, Integer> columns = null;
            for (CsvRecord rec : csv) {
                long line = rec.getStartingLineNumber();
                if (columns == null) {
                    columns = new LinkedHashMap<>();
                    for (int i = 0; i < rec.getFieldCount(); i++) {
                        String header = rec.getField(i);
                        if (i == 0 && header.startsWith("\uFEFF")) {
                            header = header.substring(1);
                        }
                        String key = ALIASES.get(Headers.fold(header));
                        if (key != null) {
                            columns.putIfAbsent(key, i);
                        }
                    }
                    if (!columns.containsKey("login")) {
                        throw new IllegalArgumentException(
                                "line 1: the header lacks the login column (Tên đăng nhập / login)");
                    }
                    continue;
                }
                if (blank(rec)) {
                    continue;
                }
                report.read();
                if (report.readCount() > MAX_ROWS) {
                    throw new IllegalArgumentException("line " + line + ": more than " + MAX_ROWS + " rows");
                }
                try {
                    Row row = row(line, rec, columns);
                    if (!seen.add(row.login().toLowerCase(Locale.ROOT))) {
                        report.duplicate();
                        report.reject(new Rejection(line, "login", "login " + row.login() + " appears twice"));
                        continue;
                    }
                    rows.add(row);
                    report.accept();
                } catch (CellError e) {
                    report.reject(new Rejection(line, e.column, e.getMessage()));
                }
            }
            if (columns == null) {
                throw new IllegalArgumentException("the file is empty: no header line");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Parsed(rows, report.build());
    }

    private static Row row(long line, CsvRecord rec, Map<String, Integer> columns) {
        String login = cell(rec, columns, "login");
        if (login == null) {
            throw new CellError("login", "the login is empty");
        }
        String email = cell(rec, columns, "email");
        if (email != null) {
            if (!EMAIL.matcher(email).matches()) {
                throw new CellError("email", "not an email address: " + email);
            }
            email = email.toLowerCase(Locale.ROOT);
        }
        return new Row(
                line,
                login,
                email,
                bool(rec, columns, "enabled", true),
                bool(rec, columns, "locked", false),
                date(rec, columns, "created"),
                date(rec, columns, "lastLogin"),
                date(rec, columns, "passwordSet"),
                bool(rec, columns, "privileged", false),
                bool(rec, columns, "mfa", false));
    }

    private static @Nullable String cell(CsvRecord rec, Map<String, Integer> columns, String key) {
        Integer i = columns.get(key);
        if (i == null || i >= rec.getFieldCount()) {
            return null;
        }
        String v = rec.getField(i).strip();
        return v.isEmpty() ? null : v;
    }

    private static boolean bool(CsvRecord rec, Map<String, Integer> columns, String key, boolean dflt) {
        String v = cell(rec, columns, key);
        if (v == null) {
            return dflt;
        }
        return switch (Headers.fold(v)) {
            case "co", "yes", "true", "1", "x", "y" -> true;
            case "khong", "no", "false", "0", "n" -> false;
            default -> throw new CellError(key, "not yes/no (có/không): " + v);
        };
    }

    private static @Nullable LocalDateTime date(CsvRecord rec, Map<String, Integer> columns, String key) {
        String v = cell(rec, columns, key);
        if (v == null) {
            return null;
        }
        try {
            if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(v).atStartOfDay();
            }
            if (v.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
                return v.endsWith("Z")
                        ? LocalDateTime.ofInstant(java.time.Instant.parse(v), ZoneId.of("UTC"))
                        : LocalDateTime.parse(v);
            }
            if (v.contains(":")) {
                return LocalDateTime.parse(v, DMY_HM);
            }
            return LocalDate.parse(v, DMY).atStartOfDay();
        } catch (DateTimeParseException e) {
            throw new CellError(key, "not a date (dd/MM/yyyy): " + v);
        }
    }

    private static boolean blank(CsvRecord rec) {
        for (int i = 0; i < rec.getFieldCount(); i++) {
            if (!rec.getField(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static char sniff(java.io.PushbackReader in) {
        try {
            char[] buf = new char[4096];
            int n = in.read(buf);
            if (n <= 0) {
                return ',';
            }
            in.unread(buf, 0, n);
            int end = 0;
            while (end < n && buf[end] != '\n') {
                end++;
            }
            int commas = 0;
            int semis = 0;
            for (int i = 0; i < end; i++) {
                if (buf[i] == ',') {
                    commas++;
                } else if (buf[i] == ';') {
                    semis++;
                }
            }
            return semis > commas ? ';' : ',';
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class CellError extends RuntimeException {
        final String column;

        CellError(String column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }
}

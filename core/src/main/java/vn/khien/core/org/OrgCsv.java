package vn.khien.core.org;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.khien.core.ingest.Headers;
import vn.khien.core.ingest.ImportReport;
import vn.khien.core.ingest.Rejection;

/**
 * Reads the units and people spreadsheets provinces keep, saved as CSV (comma or semicolon, UTF-8 with or
 * without BOM), with Vietnamese or English headers in any order. Each bad row is rejected with its line and
 * column; the rest are returned. Whether a row fits the database (e.g. the parent exists) is the caller's
 * second check.
 */
public final class OrgCsv {
    /** Rows beyond this are refused: an organisation file is never this large, a hostile one may be. */
    public static final int MAX_ROWS = 200_000;

    private static final int MAX_FIELD = 2_000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9-]+)+");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9-]+)+");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[;,\\s]+");
    private static final DateTimeFormatter VN_DATE =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private static final Map<String, String> UNIT_HEADERS = headers(Map.of(
            "code", List.of("ma", "ma don vi", "code", "unit code"),
            "name", List.of("ten", "ten don vi", "name", "unit name"),
            "kind", List.of("loai", "loai don vi", "kind", "type"),
            "parent", List.of("ma cap tren", "ma don vi cap tren", "don vi cap tren", "parent", "parent code"),
            "validFrom", List.of("hieu luc tu", "tu ngay", "valid from", "ngay hieu luc"),
            "ip", List.of("dai ip", "ip", "ip ranges", "dia chi ip", "mang ip"),
            "domains", List.of("ten mien", "ten mien thu", "email domains", "domains", "ten mien email")));

    private static final Map<String, String> PERSON_HEADERS = headers(Map.of(
            "name", List.of("ho va ten", "ho ten", "name", "full name"),
            "position", List.of("chuc vu", "position", "title"),
            "unit", List.of("ma don vi", "don vi", "unit", "unit code"),
            "email", List.of("email", "thu dien tu", "dia chi email"),
            "phone", List.of("dien thoai", "so dien thoai", "phone"),
            "status", List.of("trang thai", "status"),
            "roles", List.of("vai tro", "roles", "nhiem vu")));

    private OrgCsv() {}

    /** Reads a units CSV; needs at least the code, name and kind columns. */
    public static CsvRead<UnitRow> readUnits(Reader in) {
        List<UnitRow> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        return read(in, UNIT_HEADERS, List.of("code", "name", "kind"), rows, (line, f, report) -> {
            String code = f.require("code");
            if (!CODE.matcher(code).matches()) {
                throw new RowError("code", "unit code '" + code + "' must be letters, digits, '.', '_' or '-'");
            }
            UnitKind kind = UnitKind.parse(f.require("kind"))
                    .orElseThrow(() -> new RowError("kind", "unknown kind '" + f.get("kind") + "'"));
            String parent = f.get("parent");
            if (parent != null && parent.equalsIgnoreCase(code)) {
                throw new RowError("parent", "a unit cannot be its own parent");
            }
            List<Cidr> ranges = new ArrayList<>();
            for (String r : split(f.get("ip"))) {
                try {
                    ranges.add(Cidr.parse(r));
                } catch (IllegalArgumentException e) {
                    throw new RowError("ip", e.getMessage());
                }
            }
            List<String> domains = new ArrayList<>();
            for (String d : split(f.get("domains"))) {
                String lower = d.toLowerCase(java.util.Locale.ROOT);
                if (!DOMAIN.matcher(lower).matches()) {
                    throw new RowError("domains", "not a domain name: '" + d + "'");
                }
                domains.add(lower);
            }
            UnitRow row =
                    new UnitRow(line, code, f.require("name"), kind, parent, date(f, "validFrom"), ranges, domains);
            if (!seen.add(code.toUpperCase(java.util.Locale.ROOT))) {
                throw new RowError("code", "unit code '" + code + "' appears twice in the file");
            }
            return row;
        });
    }

    /** Reads a people CSV; needs at least the name and unit columns. */
    public static CsvRead<PersonRow> readPeople(Reader in) {
        List<PersonRow> rows = new ArrayList<>();
        Set<String> emails = new HashSet<>();
        return read(in, PERSON_HEADERS, List.of("name", "unit"), rows, (line, f, report) -> {
            String email = f.get("email");
            if (email != null) {
                email = email.toLowerCase(java.util.Locale.ROOT);
                if (!EMAIL.matcher(email).matches()) {
                    throw new RowError("email", "not an email address: '" + email + "'");
                }
                if (!emails.add(email)) {
                    throw new RowError("email", "email '" + email + "' appears twice in the file");
                }
            }
            boolean active = true;
            String status = f.get("status");
            if (status != null) {
                String s = Headers.fold(status);
                if (Set.of("active", "dang cong tac", "dang lam viec", "hoat dong")
                        .contains(s)) {
                    active = true;
                } else if (Set.of("left", "da nghi", "nghi viec", "da chuyen cong tac", "nghi huu")
                        .contains(s)) {
                    active = false;
                } else {
                    throw new RowError("status", "unknown status '" + status + "'");
                }
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            String roleText = f.get("roles");
            if (roleText != null) {
                for (String r : roleText.split("[;|]")) {
                    if (r.isBlank()) {
                        continue;
                    }
                    roles.add(
                            Role.parse(r).orElseThrow(() -> new RowError("roles", "unknown role '" + r.strip() + "'")));
                }
            }
            return new PersonRow(
                    line,
                    f.require("name"),
                    f.get("position"),
                    f.require("unit"),
                    email,
                    f.get("phone"),
                    active,
                    roles);
        });
    }

    private interface RowMapper<T> {
        T map(long line, Fields fields, ImportReport.Builder report);
    }

    private static <T> CsvRead<T> read(
            Reader in, Map<String, String> aliases, List<String> required, List<T> rows, RowMapper<T> mapper) {
        ImportReport.Builder report = ImportReport.builder();
        List<String> unknown = new ArrayList<>();
        String text = readLimited(in);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        char separator = sniffSeparator(text);
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .fieldSeparator(separator)
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(text)) {
            Map<String, Integer> columns = null;
            for (CsvRecord rec : csv) {
                long line = rec.getStartingLineNumber();
                if (columns == null) {
                    columns = new LinkedHashMap<>();
                    for (int i = 0; i < rec.getFieldCount(); i++) {
                        String header = rec.getField(i);
                        String key = aliases.get(Headers.fold(header));
                        if (key == null) {
                            if (!header.isBlank()) {
                                unknown.add(header.strip());
                            }
                        } else {
                            columns.putIfAbsent(key, i);
                        }
                    }
                    List<String> missing = new ArrayList<>();
                    for (String r : required) {
                        if (!columns.containsKey(r)) {
                            missing.add(r);
                        }
                    }
                    if (!missing.isEmpty()) {
                        throw new IllegalArgumentException(
                                "line 1: the header lacks required column(s) " + missing + "; found " + header(rec));
                    }
                    continue;
                }
                if (isBlank(rec)) {
                    continue;
                }
                report.read();
                if (report.readCount() > MAX_ROWS) {
                    throw new IllegalArgumentException("line " + line + ": more than " + MAX_ROWS + " rows");
                }
                try {
                    rows.add(mapper.map(line, new Fields(rec, columns), report));
                    report.accept();
                } catch (RowError e) {
                    report.reject(new Rejection(line, e.column, e.getMessage()));
                }
            }
            if (columns == null) {
                throw new IllegalArgumentException("the file is empty: no header line");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CsvRead<>(rows, report.build(), unknown);
    }

    private static String readLimited(Reader in) {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                sb.append(buf, 0, n);
                if (sb.length() > 64L * 1024 * 1024) {
                    throw new IllegalArgumentException("file larger than 64 MB");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    private static char sniffSeparator(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        long semicolons = first.chars().filter(c -> c == ';').count();
        long commas = first.chars().filter(c -> c == ',').count();
        long tabs = first.chars().filter(c -> c == '\t').count();
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static boolean isBlank(CsvRecord rec) {
        for (String f : rec.getFields()) {
            if (!f.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String header(CsvRecord rec) {
        return String.join(", ", rec.getFields());
    }

    private static List<String> split(@Nullable String value) {
        if (value == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : LIST_SEPARATOR.split(value)) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static @Nullable LocalDate date(Fields f, String key) {
        String v = f.get(key);
        if (v == null) {
            return null;
        }
        try {
            return v.contains("/") ? LocalDate.parse(v, VN_DATE) : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new RowError(key, "not a date (dd/MM/yyyy): '" + v + "'");
        }
    }

    private static Map<String, String> headers(Map<String, List<String>> byKey) {
        Map<String, String> out = new HashMap<>();
        byKey.forEach((key, names) -> names.forEach(n -> out.put(n, key)));
        return Map.copyOf(out);
    }

    /** Field access by logical column name, with blank cells read as absent. */
    private static final class Fields {
        private final CsvRecord rec;
        private final Map<String, Integer> columns;

        Fields(CsvRecord rec, Map<String, Integer> columns) {
            this.rec = rec;
            this.columns = columns;
        }

        @Nullable
        String get(String key) {
            Integer i = columns.get(key);
            if (i == null || i >= rec.getFieldCount()) {
                return null;
            }
            String v = rec.getField(i).strip();
            if (v.length() > MAX_FIELD) {
                throw new RowError(key, "value longer than " + MAX_FIELD + " characters");
            }
            return v.isEmpty() ? null : v;
        }

        String require(String key) {
            return Optional.ofNullable(get(key)).orElseThrow(() -> new RowError(key, "required value is empty"));
        }
    }

    private static final class RowError extends RuntimeException {
        private final String column;

        RowError(String column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }
}

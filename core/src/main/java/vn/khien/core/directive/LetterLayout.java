package vn.khien.core.directive;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.khien.core.directive.PlainText.Line;

/**
 * Reads the sections of a letter laid out per Decree 30/2020 (DOMAIN.md §7) from its logical lines.
 *
 * <p>Implementation notes: the letter is cut at anchors that survive every conversion seen so far —
 * "Kính gửi" ends the header, "Nơi nhận" or the first signature-authority line (TM./KT./Q./TL./TUQ.) starts
 * the tail. Header fields are searched only above "Kính gửi", so a number or date cited in the body is never
 * taken for the letter's own. The body is rebuilt into paragraphs (a line continues the previous one unless
 * it opens a list entry or the previous one ends a sentence or is a short title-like line), then into items:
 * top-level entries are the Arabic numbers counting up from the first one, every other marker kind nests
 * under whatever was open, in order of first appearance (the usual outline 1. → a) → - → +). The body ends
 * at the paragraph carrying the end mark "./." or at a closing formula ("Trong quá trình thực hiện…",
 * "Đề nghị các…"). Linear in the number of lines.
 */
final class LetterLayout {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern KINH_GUI = Pattern.compile("^kính\\s*gửi\\s*:?\\s*(.*)$", FLAGS);
    private static final Pattern NOI_NHAN = Pattern.compile("^nơi\\s*nhận\\s*:?\\s*(.*)$", FLAGS);
    private static final Pattern MOTTO = Pattern.compile(
            "cộng\\s+h(?:òa|oà)\\s+xã\\s+hội\\s+chủ\\s+nghĩa\\s+việt\\s+nam"
                    + "|độc\\s+lập\\s*[-–—]\\s*tự\\s+do\\s*[-–—]\\s*hạnh\\s+phúc",
            FLAGS);
    private static final Pattern NUMBER =
            Pattern.compile("^(?:Số|SỐ|số)\\s*:?\\s*(\\d*)\\s*/\\s*([\\p{Lu}\\d][\\p{Lu}\\d&./\\-]*)");
    private static final Pattern DATE = Pattern.compile(
            "^(?:([^\\d,]{2,40}?)\\s*,\\s*)?ngày\\s+(\\d{1,2})(?:\\s+tháng\\s+|\\s*[/.\\-]\\s*)(\\d{1,2})"
                    + "(?:\\s+năm\\s+|\\s*[/.\\-]\\s*)(\\d{4})\\s*\\.?$",
            FLAGS);
    private static final Pattern SUBJECT = Pattern.compile("^(?:V/v|về\\s+việc)\\s*:?\\s*(.*)$", FLAGS);
    private static final Pattern AUTHORITY = Pattern.compile("^(?:(?:TM|KT|Q|TL|TUQ)\\.|T/M\\.?|K/T\\.?)\\s*\\S");
    private static final Pattern NAME = Pattern.compile("^(?:(?:Đại|Thượng|Trung|Thiếu)\\s+(?:tướng|tá|úy|uý)\\s+)?"
            + "\\p{Lu}\\p{Ll}*(?:\\s+\\p{Lu}\\p{Ll}*){1,5}$");
    private static final Pattern LUU = Pattern.compile("^lưu\\b", FLAGS);
    private static final Pattern LOCALITY_START =
            Pattern.compile("^(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|THỊ TRẤN|XÃ|PHƯỜNG|VÀ)\\b");
    private static final Pattern CONNECTOR_END = Pattern.compile("(?:\\sVÀ|[&,\\-–])$");
    private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,2})\\s*[.)]\\s+(\\S.*)$", Pattern.DOTALL);
    private static final Pattern NESTED_NUMBER =
            Pattern.compile("^(\\d{1,2}(?:\\.\\d{1,2})+)\\.?\\s+(\\S.*)$", Pattern.DOTALL);
    private static final Pattern LETTERED = Pattern.compile("^([a-zđ])\\s*[).]\\s+(\\S.*)$", Pattern.DOTALL);
    private static final Pattern BULLET = Pattern.compile("^([-–—+•·▪◦●○■□➢►❖✓✔*])\\s*(\\S.*)$", Pattern.DOTALL);
    private static final Pattern CLOSING = Pattern.compile(
            "^(?:trong\\s+quá\\s+trình\\s+(?:thực\\s+hiện|triển\\s+khai)|quá\\s+trình\\s+thực\\s+hiện"
                    + "|yêu\\s+cầu\\s+(?:các|thủ\\s+trưởng)|đề\\s+nghị\\s+(?:các|thủ\\s+trưởng)"
                    + "|với\\s+nội\\s+dung\\s+trên|nhận\\s+được\\s+(?:văn\\s+bản|công\\s+văn)|trên\\s+đây)",
            FLAGS);
    private static final Pattern TRAILING_LIST_PUNCTUATION = Pattern.compile("[\\s;,.]+$");
    private static final String END_MARK = "./.";
    private static final int SHORT_LINE = 60;
    private static final int LONG_LINE = 120;
    private static final int MAX_RECIPIENT_LINE = 150;

    private LetterLayout() {}

    static ParsedDirective parse(List<Line> lines) {
        int n = lines.size();
        int kinhGui = indexOf(lines, 0, KINH_GUI);
        int headerEnd = kinhGui >= 0 ? kinhGui : headerEndWithoutRecipients(lines);
        Header header = header(lines, headerEnd);

        List<String> recipients = new ArrayList<>();
        int bodyStart = kinhGui >= 0 ? recipients(lines, kinhGui, recipients) : headerEnd;
        int tailStart = tailStart(lines, bodyStart);
        List<DirectiveItem> items = items(paragraphs(lines.subList(bodyStart, tailStart)));

        Tail tail = tail(lines.subList(tailStart, n));

        List<String> missing = new ArrayList<>();
        addIfNull(missing, "issuer", header.issuer);
        addIfNull(missing, "number", header.number);
        addIfNull(missing, "symbol", header.symbol);
        addIfNull(missing, "place", header.place);
        addIfNull(missing, "date", header.date);
        addIfNull(missing, "subject", header.subject);
        addIfEmpty(missing, "recipients", recipients);
        addIfEmpty(missing, "items", items);
        addIfEmpty(missing, "cc", tail.cc);
        Signer signer = tail.signer();
        if (signer == null) {
            missing.add("signer");
        } else {
            addIfNull(missing, "signer.position", signer.position());
            addIfNull(missing, "signer.name", signer.name());
        }
        return new ParsedDirective(
                header.issuer,
                header.number,
                header.symbol,
                header.place,
                header.date,
                header.subject,
                header.urgency,
                header.secrecy,
                recipients,
                items,
                tail.cc,
                signer,
                tail.notes,
                missing);
    }

    private static final class Header {
        @Nullable
        Issuer issuer;

        @Nullable
        String number;

        @Nullable
        String symbol;

        @Nullable
        String place;

        @Nullable
        LocalDate date;

        @Nullable
        String subject;

        @Nullable
        String urgency;

        @Nullable
        String secrecy;
    }

    /** Without "Kính gửi" the header can only run until the first thing that is plainly body or tail. */
    private static int headerEndWithoutRecipients(List<Line> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).text();
            boolean headerField = NUMBER.matcher(text).find()
                    || DATE.matcher(text).matches()
                    || SUBJECT.matcher(text).matches();
            if (!headerField
                    && (NUMBERED.matcher(text).matches()
                            || NOI_NHAN.matcher(text).matches()
                            || isAuthority(text)
                            || text.length() > LONG_LINE)) {
                return i;
            }
        }
        return lines.size();
    }

    private static Header header(List<Line> lines, int end) {
        Header h = new Header();
        List<String> issuerLines = new ArrayList<>();
        StringBuilder subject = null;
        boolean seenNumber = false;
        for (int i = 0; i < end; i++) {
            String text = MOTTO.matcher(lines.get(i).text()).replaceAll("").strip();
            if (text.isEmpty()) {
                subject = closeSubject(h, subject);
                continue;
            }
            String mark = mark(text);
            if (mark != null) {
                if (isSecrecy(mark)) {
                    h.secrecy = h.secrecy == null ? mark : h.secrecy;
                } else {
                    h.urgency = h.urgency == null ? mark : h.urgency;
                }
                subject = closeSubject(h, subject);
                continue;
            }
            Matcher number = NUMBER.matcher(text);
            if (number.find()) {
                seenNumber = true;
                if (h.symbol == null) {
                    h.number = number.group(1).isEmpty() ? null : number.group(1);
                    h.symbol = number.group(2).replaceAll("[./\\-]+$", "");
                }
                subject = closeSubject(h, subject);
                continue;
            }
            Matcher date = DATE.matcher(text);
            if (date.matches()) {
                if (h.date == null) {
                    h.date = date(date.group(2), date.group(3), date.group(4));
                    h.place = h.date == null ? null : place(date.group(1));
                }
                subject = closeSubject(h, subject);
                continue;
            }
            Matcher subjectStart = SUBJECT.matcher(text);
            if (subjectStart.matches() && h.subject == null && subject == null) {
                subject = new StringBuilder(subjectStart.group(1).strip());
                continue;
            }
            if (isUppercase(text)) {
                if (!seenNumber && subject == null && h.subject == null) {
                    issuerLines.add(text);
                }
                subject = closeSubject(h, subject);
                continue;
            }
            if (subject != null) {
                subject.append(' ').append(text);
            }
        }
        closeSubject(h, subject);
        h.issuer = issuer(issuerLines);
        return h;
    }

    private static @Nullable StringBuilder closeSubject(Header h, @Nullable StringBuilder subject) {
        if (subject != null && h.subject == null) {
            String text = subject.toString().strip();
            h.subject = text.isEmpty() ? null : text;
        }
        return null;
    }

    private static @Nullable Issuer issuer(List<String> lines) {
        List<StringBuilder> segments = new ArrayList<>();
        for (String line : lines) {
            if (!segments.isEmpty()) {
                StringBuilder last = segments.get(segments.size() - 1);
                // "ỦY BAN NHÂN DÂN" over "TỈNH HÀ TĨNH" is one name on two lines, not a parent and a child
                if (LOCALITY_START.matcher(line).find()
                        || CONNECTOR_END.matcher(last).find()) {
                    last.append(' ').append(line);
                    continue;
                }
            }
            segments.add(new StringBuilder(line));
        }
        if (segments.isEmpty()) {
            return null;
        }
        String body = segments.get(segments.size() - 1).toString();
        List<String> parents = new ArrayList<>();
        for (int i = 0; i < segments.size() - 1; i++) {
            parents.add(segments.get(i).toString());
        }
        return new Issuer(parents.isEmpty() ? null : String.join(" ", parents), body);
    }

    private static @Nullable String mark(String text) {
        String bare = text.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "")
                .replaceAll("\\s+", " ")
                .toUpperCase(Locale.ROOT);
        return switch (bare) {
            case "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC", "MẬT", "TỐI MẬT", "TUYỆT MẬT" -> bare;
            case "HOẢ TỐC" -> "HỎA TỐC";
            default -> null;
        };
    }

    private static boolean isSecrecy(String mark) {
        return mark.endsWith("MẬT");
    }

    private static @Nullable LocalDate date(String day, String month, String year) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static @Nullable String place(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String place = raw.strip();
        return place.isEmpty() || !Character.isUpperCase(place.codePointAt(0)) ? null : place;
    }

    /** Collects the "Kính gửi" addressees into {@code out} and returns the index of the first body line. */
    private static int recipients(List<Line> lines, int kinhGui, List<String> out) {
        Matcher m = KINH_GUI.matcher(lines.get(kinhGui).text());
        String rest = m.matches() ? m.group(1).strip() : "";
        int i = kinhGui + 1;
        boolean ended = false;
        if (!rest.isEmpty()) {
            addListEntries(rest, out);
            ended = rest.endsWith(".");
        }
        while (!ended && i < lines.size() && BULLET.matcher(lines.get(i).text()).matches()) {
            String text = lines.get(i).text();
            addListEntries(text, out);
            ended = text.endsWith(".");
            i++;
        }
        if (out.isEmpty()) {
            // addressees typed one per line without bullets, the last ending with a full stop
            while (!ended && i < lines.size() && isPlainRecipient(lines.get(i).text())) {
                String text = lines.get(i).text();
                addListEntries(text, out);
                ended = !text.endsWith(";") && !text.endsWith(",");
                i++;
            }
        }
        return i;
    }

    private static boolean isPlainRecipient(String text) {
        return text.length() <= MAX_RECIPIENT_LINE
                && marker(text) == null
                && !NOI_NHAN.matcher(text).matches()
                && !isAuthority(text);
    }

    private static void addListEntries(String text, List<String> out) {
        for (String part : stripBullet(text).split(";")) {
            String entry = listEntry(part);
            if (!entry.isEmpty()) {
                out.add(entry);
            }
        }
    }

    private static String listEntry(String text) {
        return TRAILING_LIST_PUNCTUATION
                .matcher(stripBullet(text))
                .replaceAll("")
                .strip();
    }

    private static String stripBullet(String text) {
        Matcher bullet = BULLET.matcher(text);
        return bullet.matches() ? bullet.group(2).strip() : text.strip();
    }

    /** The signature may precede or follow "Nơi nhận"; the tail starts at whichever comes first. */
    private static int tailStart(List<Line> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            String text = lines.get(i).text();
            if (NOI_NHAN.matcher(text).matches() || isAuthority(text)) {
                return i;
            }
        }
        // a signature without authority prefix and without "Nơi nhận": positions over a name at the very end
        int last = lines.size() - 1;
        if (last > from && isName(lines.get(last).text())) {
            int first = last;
            while (first - 1 >= from && isPosition(lines.get(first - 1).text())) {
                first--;
            }
            if (first < last) {
                return first;
            }
        }
        return lines.size();
    }

    private record Paragraph(String text, boolean heading, int lastLineLength) {}

    private static List<Paragraph> paragraphs(List<Line> lines) {
        List<Paragraph> out = new ArrayList<>();
        for (Line line : lines) {
            String text = line.text();
            Paragraph previous = out.isEmpty() ? null : out.get(out.size() - 1);
            if (previous != null
                    && !line.heading()
                    && !previous.heading()
                    && marker(text) == null
                    && !endsSentence(previous.text())
                    && !(previous.lastLineLength() < SHORT_LINE && startsUppercase(text))) {
                out.set(out.size() - 1, new Paragraph(previous.text() + " " + text, false, text.length()));
            } else {
                out.add(new Paragraph(text, line.heading(), text.length()));
            }
        }
        return out;
    }

    private record Marker(String kind, String label, String rest) {}

    private static @Nullable Marker marker(String text) {
        Matcher m = NESTED_NUMBER.matcher(text);
        if (m.matches()) {
            return new Marker("nested", m.group(1), m.group(2));
        }
        m = NUMBERED.matcher(text);
        if (m.matches()) {
            return new Marker("number", m.group(1), m.group(2));
        }
        m = LETTERED.matcher(text);
        if (m.matches()) {
            return new Marker("letter", m.group(1), m.group(2));
        }
        m = BULLET.matcher(text);
        if (m.matches()) {
            String bullet = m.group(1);
            bullet = bullet.equals("–") || bullet.equals("—") ? "-" : bullet;
            return new Marker("bullet" + bullet, bullet, m.group(2));
        }
        return null;
    }

    private static final class Node {
        final String kind;
        final String number;
        final StringBuilder text;
        final List<Node> children = new ArrayList<>();

        Node(String kind, String number, String text) {
            this.kind = kind;
            this.number = number;
            this.text = new StringBuilder(text);
        }

        DirectiveItem build() {
            String clean = cleanText(text.toString());
            List<DirectiveItem> subItems = new ArrayList<>();
            for (Node child : children) {
                subItems.add(child.build());
            }
            return new DirectiveItem(number, clean, subItems, UnitFinder.find(clean));
        }
    }

    private static List<DirectiveItem> items(List<Paragraph> paragraphs) {
        String topKind = null;
        for (Paragraph p : paragraphs) {
            Marker m = marker(p.text());
            if (m != null && m.kind().equals("number")) {
                topKind = "number";
                break;
            }
            if (m != null && topKind == null) {
                topKind = m.kind();
            }
        }
        List<Node> items = new ArrayList<>();
        List<Node> open = new ArrayList<>();
        for (Paragraph p : paragraphs) {
            Marker m = marker(p.text());
            if (m != null && m.kind().equals(topKind) && isNextTopLevel(m, items)) {
                items.add(new Node(m.kind(), m.label(), m.rest()));
                open.clear();
            } else if (items.isEmpty()) {
                continue; // preamble: context and legal grounds before the first item
            } else if (m != null) {
                Node current = items.get(items.size() - 1);
                int level = -1;
                for (int i = 0; i < open.size(); i++) {
                    if (open.get(i).kind.equals(m.kind())) {
                        level = i;
                        break;
                    }
                }
                if (level >= 0) {
                    open.subList(level, open.size()).clear();
                }
                Node parent = open.isEmpty() ? current : open.get(open.size() - 1);
                Node node = new Node(m.kind(), m.label(), m.rest());
                parent.children.add(node);
                open.add(node);
            } else if (CLOSING.matcher(p.text()).find() || p.text().strip().endsWith(END_MARK)) {
                break;
            } else {
                Node target = open.isEmpty() ? items.get(items.size() - 1) : open.get(open.size() - 1);
                target.text.append('\n').append(p.text());
            }
            if (p.text().strip().endsWith(END_MARK)) {
                break;
            }
        }
        List<DirectiveItem> out = new ArrayList<>();
        for (Node item : items) {
            out.add(item.build());
        }
        return out;
    }

    private static boolean isNextTopLevel(Marker m, List<Node> items) {
        if (!m.kind().equals("number")) {
            return true;
        }
        if (items.isEmpty()) {
            return true;
        }
        Node last = items.get(items.size() - 1);
        return Integer.parseInt(m.label()) == Integer.parseInt(last.number) + 1;
    }

    private static String cleanText(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : text.split("\n")) {
            String clean = paragraph.replaceAll("\\s+", " ").strip();
            if (clean.endsWith(END_MARK)) {
                clean = clean.substring(0, clean.length() - 2);
            }
            if (!clean.isEmpty()) {
                paragraphs.add(clean);
            }
        }
        return String.join("\n", paragraphs);
    }

    private static final class Tail {
        final List<String> cc = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final List<String> authority = new ArrayList<>();
        final List<String> positions = new ArrayList<>();

        @Nullable
        String name;

        @Nullable
        Signer signer() {
            if (authority.isEmpty() && positions.isEmpty() && name == null) {
                return null;
            }
            return new Signer(authority, positions.isEmpty() ? null : String.join(", ", positions), name);
        }
    }

    private static Tail tail(List<Line> lines) {
        Tail tail = new Tail();
        boolean inCc = false;
        for (Line line : lines) {
            String text = line.text();
            Matcher noiNhan = NOI_NHAN.matcher(text);
            if (noiNhan.matches()) {
                inCc = true;
                text = noiNhan.group(1).strip();
                if (text.isEmpty()) {
                    continue;
                }
            }
            boolean bullet = BULLET.matcher(text).matches();
            if (isAuthority(text)) {
                tail.authority.add(text);
            } else if (isPosition(text) && tail.name == null) {
                tail.positions.add(text);
            } else if (inCc && (bullet || !isName(text) || (tail.authority.isEmpty() && tail.positions.isEmpty()))) {
                String entry = listEntry(text);
                if (!entry.isEmpty()) {
                    tail.cc.add(entry);
                }
                // "Lưu" (filed at) is always the last line of the copy list
                inCc = !LUU.matcher(entry).find();
            } else if (tail.name == null && isName(text)) {
                tail.name = text;
            } else {
                tail.notes.add(stripBullet(text));
            }
        }
        return tail;
    }

    private static boolean isAuthority(String text) {
        return AUTHORITY.matcher(text).find() && isUppercase(text);
    }

    private static boolean isPosition(String text) {
        return isUppercase(text)
                && text.length() <= LONG_LINE
                && !text.endsWith(":")
                && !BULLET.matcher(text).matches()
                && mark(text) == null;
    }

    private static boolean isName(String text) {
        return text.length() <= 50 && NAME.matcher(text).matches();
    }

    /** At least two letters and none of them lowercase. */
    private static boolean isUppercase(String text) {
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
            i += Character.charCount(c);
        }
        return letters >= 2;
    }

    private static boolean startsUppercase(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.isLetter(c)) {
                return Character.isUpperCase(c);
            }
            i += Character.charCount(c);
        }
        return false;
    }

    private static boolean endsSentence(String text) {
        String t = text.strip().replaceAll("[\"'”’)*]+$", "");
        if (t.isEmpty()) {
            return true;
        }
        char last = t.charAt(t.length() - 1);
        return last == '.' || last == ';' || last == ':' || last == '!' || last == '?' || last == '…';
    }

    private static int indexOf(List<Line> lines, int from, Pattern pattern) {
        for (int i = from; i < lines.size(); i++) {
            if (pattern.matcher(lines.get(i).text()).matches()) {
                return i;
            }
        }
        return -1;
    }

    private static void addIfNull(List<String> missing, String field, @Nullable Object value) {
        if (value == null) {
            missing.add(field);
        }
    }

    private static void addIfEmpty(List<String> missing, String field, List<?> value) {
        if (value.isEmpty()) {
            missing.add(field);
        }
    }
}

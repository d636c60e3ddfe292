package vn.khien.core.directive;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the raw text of a letter into clean logical lines: markup, stray symbols and page artifacts removed,
 * and lines that a converter broke mid-sentence put back together where the break is unambiguous.
 *
 * <p>Implementation notes, in order: Unicode NFC (decomposed diacritics from some converters would defeat
 * every pattern), one line end, invisible characters and odd spaces dropped; Markdown tables read column
 * by column (a letter's header is a two-column table, and reading it row by row would interleave the issuer
 * with the national motto); each line split at tabs and wide space runs (flattened table cells); Markdown
 * emphasis, headings, strikethrough, escapes and a few HTML tags removed; page numbers dropped. Then three
 * joins that hold for Vietnamese administrative prose: a line of punctuation alone belongs to the line
 * before it, a list marker alone belongs to the line after it, and a line that starts with a lowercase
 * letter continues the line before it (sentences and list entries never start in lowercase). Blank lines
 * carry no meaning afterwards: converters insert them between broken lines as freely as between paragraphs.
 * Runs in linear time in the input size.
 */
final class PlainText {
    /** A logical line; {@code heading} marks a Markdown heading, which never continues into the next line. */
    record Line(String text, boolean heading) {}

    private static final Pattern INVISIBLE = Pattern.compile("[\\ufeff\\u200b-\\u200d\\u2060\\u00ad]");
    private static final Pattern ODD_SPACE = Pattern.compile("[\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000]");
    private static final Pattern HTML_BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern HTML_TAG =
            Pattern.compile("(?i)</?(?:b|i|u|s|strong|em|span|sup|sub|p|div|font|mark|del|ins)(?:\\s[^>]*)?>");
    private static final Pattern TABLE_SEPARATOR =
            Pattern.compile("^\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?$");
    private static final Pattern COLUMN_GAP = Pattern.compile("\\t+|(?<=\\S) {5,}(?=\\S)");
    private static final Pattern MARKER_ONLY = Pattern.compile("^(?:\\d{1,2}[.)]|[a-zđ][.)]|[-–—+•*])$");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+");
    private static final Pattern BLOCKQUOTE = Pattern.compile("^(?:>\\s?)+");
    private static final Pattern STAR_BULLET = Pattern.compile("^\\*\\s+");
    private static final Pattern EMPHASIS_STAR = Pattern.compile("(?<!\\()\\*(?!\\))");
    private static final Pattern EMPHASIS_UNDERSCORE = Pattern.compile("(?:^|(?<=\\s))_+|_+(?=\\s|$)");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|~<>])");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}");
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^(?:\\d{1,3}|[-–—]\\s*\\d{1,3}\\s*[-–—]|(?i:trang|page)\\s+\\d{1,3}(?:\\s*(?:/|of|trên)\\s*\\d{1,3})?)$");
    private static final Pattern PUNCTUATION_ONLY = Pattern.compile("^[.,;:]+$");

    private PlainText() {}

    static List<Line> lines(String raw) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        text = INVISIBLE.matcher(text).replaceAll("");
        text = ODD_SPACE.matcher(text).replaceAll(" ");
        text = text.replace("\r\n", "\n")
                .replace('\r', '\n')
                .replace('\u2028', '\n')
                .replace('\u2029', '\n');
        List<Line> cleaned = new ArrayList<>();
        String[] rawLines = text.split("\n", -1);
        for (int i = 0; i < rawLines.length; i++) {
            if (rawLines[i].strip().startsWith("|")) {
                int end = i;
                while (end < rawLines.length && rawLines[end].strip().startsWith("|")) {
                    end++;
                }
                for (String cell : tableByColumns(rawLines, i, end)) {
                    addCleaned(cell, cleaned);
                }
                i = end - 1;
            } else {
                for (String part : HTML_BREAK.split(rawLines[i], -1)) {
                    addCleaned(part, cleaned);
                }
            }
        }
        return join(cleaned);
    }

    private static List<String> tableByColumns(String[] lines, int from, int to) {
        List<List<String>> rows = new ArrayList<>();
        int columns = 0;
        for (int i = from; i < to; i++) {
            String row = lines[i].strip();
            if (TABLE_SEPARATOR.matcher(row).matches()) {
                continue;
            }
            row = row.substring(1);
            if (row.endsWith("|")) {
                row = row.substring(0, row.length() - 1);
            }
            List<String> cells = List.of(row.split("(?<!\\\\)\\|", -1));
            rows.add(cells);
            columns = Math.max(columns, cells.size());
        }
        List<String> out = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            for (List<String> row : rows) {
                if (c < row.size()) {
                    out.addAll(List.of(HTML_BREAK.split(row.get(c), -1)));
                }
            }
        }
        return out;
    }

    private static void addCleaned(String rawLine, List<Line> out) {
        String line = rawLine.strip();
        if (line.isEmpty()) {
            return;
        }
        // a tab after a list marker or a label ("1.", "Kính gửi:") is spacing; anywhere else it separates
        // cells of a flattened table, whose contents are unrelated lines
        Matcher gap = COLUMN_GAP.matcher(line);
        int start = 0;
        StringBuilder pending = new StringBuilder();
        while (gap.find()) {
            pending.append(line, start, gap.start());
            String before = clean(pending.toString()).text();
            if (MARKER_ONLY.matcher(before).matches() || before.endsWith(":")) {
                pending.append(' ');
            } else {
                addOne(pending.toString(), out);
                pending.setLength(0);
            }
            start = gap.end();
        }
        pending.append(line, start, line.length());
        addOne(pending.toString(), out);
    }

    private static void addOne(String segment, List<Line> out) {
        Line line = clean(segment);
        if (!line.text().isEmpty()) {
            out.add(line);
        }
    }

    private static Line clean(String segment) {
        String s = segment.strip();
        boolean heading = false;
        Matcher h = HEADING.matcher(s);
        if (h.find()) {
            heading = true;
            s = s.substring(h.end());
        }
        s = BLOCKQUOTE.matcher(s).replaceFirst("");
        s = HTML_TAG.matcher(s).replaceAll("");
        s = s.replace("**", "").replace("__", "").replace("~~", "");
        s = STAR_BULLET.matcher(s).replaceFirst("- ");
        s = EMPHASIS_STAR.matcher(s).replaceAll("");
        s = EMPHASIS_UNDERSCORE.matcher(s).replaceAll("");
        s = ESCAPE.matcher(s).replaceAll("$1");
        s = SPACES.matcher(s.strip()).replaceAll(" ");
        if (!s.isEmpty() && isStraySymbol(s.charAt(0))) {
            // symbol-font bullets that lost their font arrive as a replacement or private-use character
            s = ("• " + s.substring(1).strip()).strip();
        }
        if (PAGE_NUMBER.matcher(s).matches()) {
            return new Line("", false);
        }
        if (!hasLetterOrDigit(s)
                && !PUNCTUATION_ONLY.matcher(s).matches()
                && !MARKER_ONLY.matcher(s).matches()) {
            // rules and separators such as "-------", "***" or "___" carry no text
            return new Line("", false);
        }
        return new Line(s, heading);
    }

    private static List<Line> join(List<Line> lines) {
        List<Line> out = new ArrayList<>();
        String marker = null;
        for (Line line : lines) {
            String text = line.text();
            if (marker != null) {
                text = marker + " " + text;
                marker = null;
            }
            if (MARKER_ONLY.matcher(text).matches()) {
                marker = text;
                continue;
            }
            Line previous = out.isEmpty() ? null : out.get(out.size() - 1);
            if (previous != null && PUNCTUATION_ONLY.matcher(text).matches()) {
                out.set(out.size() - 1, new Line(previous.text() + text, previous.heading()));
            } else if (previous != null && !previous.heading() && startsLowercase(text)) {
                out.set(out.size() - 1, new Line(previous.text() + " " + text, false));
            } else if (!PUNCTUATION_ONLY.matcher(text).matches()) {
                out.add(new Line(text, line.heading()));
            }
        }
        return out;
    }

    /** True when the line opens with a lowercase letter that is not a lettered list marker such as "a)". */
    static boolean startsLowercase(String text) {
        if (text.isEmpty() || !Character.isLowerCase(text.codePointAt(0))) {
            return false;
        }
        int next = text.offsetByCodePoints(0, 1);
        return next >= text.length() || (text.charAt(next) != ')' && text.charAt(next) != '.');
    }

    private static boolean isStraySymbol(char c) {
        return c == '\ufffd' || (c >= '\ue000' && c <= '\uf8ff');
    }

    private static boolean hasLetterOrDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}

package vn.khien.core.directive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the names of units (cơ quan, đơn vị) mentioned in a piece of directive text, best effort.
 *
 * <p>Implementation notes: three kinds of mention are recognised. Groups ("các sở, ban, ngành", "UBND các
 * huyện, thành phố") and local bodies ("Công an tỉnh", "UBND xã", "Đảng ủy xã") by pattern. Named units by
 * a capitalised head noun ("Sở", "Trung tâm", "Cục", …) followed by the name, read word by word with the
 * Vietnamese rule for proper names: each compound word starts with a capital and its second syllable is
 * lowercase ("Thông tin và Truyền thông"), so two lowercase syllables in a row end the name unless they
 * are a known term inside names ("An toàn thông tin"). Overlapping mentions keep the longest; each line of
 * the text is read separately so a name never runs into the next paragraph.
 */
final class UnitFinder {
    private static final String LOCALITY = "(?iu:thành phố|thị xã|thị trấn|huyện|quận|xã|phường|tỉnh)";
    private static final String PEOPLES_COMMITTEE = "(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)";
    private static final String LOCAL_BODY = "(?:Văn phòng\\s+)?(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND"
            + "|Hội đồng nhân dân|Công an|Đảng ủy|Đảng uỷ)";
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?iu:các\\s+sở\\s*,\\s*ban\\s*,\\s*ngành(?:\\s*,\\s*đoàn\\s+thể)?(?:\\s+cấp\\s+tỉnh)?)"),
            Pattern.compile(PEOPLES_COMMITTEE + "\\s+(?iu:các)\\s+" + LOCALITY + "(?:\\s*,\\s*" + LOCALITY
                    + ")*(?:\\s+và\\s+" + LOCALITY + ")?"),
            Pattern.compile(LOCAL_BODY + "\\s+" + LOCALITY
                    + "(?:\\s+\\p{Lu}\\p{Ll}*(?:\\s+\\p{Lu}\\p{Ll}*){0,3})?(?![\\p{L}\\d])"));
    private static final Pattern HEAD = Pattern.compile("(?<![\\p{L}\\d])(Chi cục|Trung tâm|Văn phòng|Tiểu ban"
            + "|Thanh tra|Kho bạc|Bưu điện|Bệnh viện|Ủy ban|Uỷ ban|Sở|Bộ|Cục|Ban|Phòng|Đội|Viện|Đài|Trường)[ ]+");
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    private static final Pattern ACRONYM =
            Pattern.compile("[\\p{Lu}\\d][\\p{Lu}\\d&,.\\-]*\\p{Lu}[\\p{Lu}\\d]*|\\p{Lu}{2,}");
    private static final Pattern CAPITALISED = Pattern.compile("\\p{Lu}\\p{Ll}+\\d?");
    private static final Pattern LOWERCASE = Pattern.compile("\\p{Ll}+\\d?");
    private static final Set<String> CONNECTORS = Set.of("và", "&", "-", "–");
    private static final Set<String> NAME_TERMS =
            Set.of("toàn thông", "thông tin", "ninh mạng", "gian mạng", "nghệ thông", "nhân dân");
    private static final String TRAILING_PUNCTUATION = ",;:.!?)\"”";

    private UnitFinder() {}

    static List<String> find(String text) {
        Map<String, String> units = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            for (String unit : findInLine(line)) {
                units.putIfAbsent(unit.toLowerCase(Locale.ROOT), unit);
            }
        }
        return List.copyOf(units.values());
    }

    private record Span(int start, int end, String text) {}

    private static List<String> findInLine(String line) {
        List<Span> spans = new ArrayList<>();
        for (Pattern pattern : PATTERNS) {
            Matcher m = pattern.matcher(line);
            while (m.find()) {
                spans.add(new Span(m.start(), m.end(), m.group()));
            }
        }
        Matcher head = HEAD.matcher(line);
        while (head.find()) {
            Span named = named(line, head);
            if (named != null) {
                spans.add(named);
            }
        }
        spans.sort(Comparator.comparingInt(Span::start).thenComparing(s -> -(s.end() - s.start())));
        List<String> out = new ArrayList<>();
        int covered = -1;
        for (Span span : spans) {
            if (span.start() >= covered) {
                out.add(span.text().replaceAll("\\s+", " ").replaceAll("(?<=\\p{Ll})\\d$", ""));
                covered = span.end();
            }
        }
        return out;
    }

    /** Reads the name after a head noun; returns null when what follows is not a name. */
    private static @Nullable Span named(String line, Matcher head) {
        Matcher token = TOKEN.matcher(line);
        token.region(head.end(), line.length());
        List<String> words = new ArrayList<>();
        int end = head.end();
        String previousKind = "";
        String previousWord = "";
        String pendingConnector = null;
        while (token.find()) {
            String raw = token.group();
            if (raw.startsWith("(")) {
                break;
            }
            String word = stripTrailing(raw);
            boolean stopAfter = !word.equals(raw);
            String kind = kind(word);
            if (kind.equals("connector")) {
                if (words.isEmpty() || stopAfter || pendingConnector != null) {
                    break;
                }
                pendingConnector = word;
                continue;
            }
            boolean accept =
                    switch (kind) {
                        case "capitalised", "acronym" -> true;
                        case "lowercase" ->
                            pendingConnector == null
                                    && !words.isEmpty()
                                    && (!previousKind.equals("lowercase")
                                            || NAME_TERMS.contains(previousWord + " " + word));
                        default -> false;
                    };
            if (!accept) {
                break;
            }
            if (pendingConnector != null) {
                words.add(pendingConnector);
                pendingConnector = null;
            }
            words.add(word);
            end = token.start() + word.length();
            previousKind = kind;
            previousWord = word;
            if (stopAfter) {
                break;
            }
        }
        if (words.isEmpty()) {
            return null;
        }
        return new Span(head.start(), end, head.group(1) + " " + String.join(" ", words));
    }

    private static String kind(String word) {
        if (CONNECTORS.contains(word)) {
            return "connector";
        }
        if (ACRONYM.matcher(word).matches()) {
            return "acronym";
        }
        if (CAPITALISED.matcher(word).matches()) {
            return "capitalised";
        }
        if (LOWERCASE.matcher(word).matches()) {
            return "lowercase";
        }
        return "other";
    }

    private static String stripTrailing(String raw) {
        int end = raw.length();
        while (end > 0 && TRAILING_PUNCTUATION.indexOf(raw.charAt(end - 1)) >= 0) {
            end--;
        }
        return raw.substring(0, end);
    }
}

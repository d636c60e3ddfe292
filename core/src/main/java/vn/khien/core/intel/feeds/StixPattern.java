package vn.khien.core.intel.feeds;

import java.util.ArrayList;
import java.util.List;

/**
 * A flattening reader of STIX 2.1 patterning: it lists every comparison of a pattern with its object path,
 * operator and literal(s), and says whether any AND or FOLLOWEDBY joins them. Grouping, qualifiers
 * ({@code WITHIN}, {@code REPEATS}, {@code START … STOP}) and the tree shape are checked for syntax but not
 * kept, because Khiên matches single observed values.
 */
final class StixPattern {
    /** One comparison: {@code path op literal}; {@code values} holds one literal, or several for IN. */
    record Comparison(String path, String operator, boolean negated, List<String> values, String text) {}

    /** The comparisons in order and whether any conjunction joins them. */
    record Flat(List<Comparison> comparisons, boolean conjunctive) {}

    private final String src;
    private int pos;

    private StixPattern(String src) {
        this.src = src;
    }

    /** Parses {@code pattern}, or throws {@link IllegalArgumentException} saying where it stopped. */
    static Flat flatten(String pattern) {
        StixPattern p = new StixPattern(pattern);
        List<Comparison> out = new ArrayList<>();
        boolean conjunctive = p.observationExpression(out);
        p.skipSpace();
        if (p.pos != p.src.length()) {
            throw p.error("unexpected text");
        }
        if (out.isEmpty()) {
            throw p.error("no comparison");
        }
        return new Flat(out, conjunctive);
    }

    /** observations joined by AND / OR / FOLLOWEDBY, each optionally parenthesised and qualified. */
    private boolean observationExpression(List<Comparison> out) {
        boolean conjunctive = false;
        while (true) {
            skipSpace();
            if (peek() == '(') {
                pos++;
                conjunctive |= observationExpression(out);
                expect(')');
            } else {
                expect('[');
                conjunctive |= comparisonExpression(out);
                expect(']');
            }
            qualifiers();
            skipSpace();
            if (keyword("AND") || keyword("FOLLOWEDBY")) {
                conjunctive = true;
            } else if (!keyword("OR")) {
                return conjunctive;
            }
        }
    }

    private void qualifiers() {
        while (true) {
            skipSpace();
            if (keyword("WITHIN")) {
                number();
                requireKeyword("SECONDS");
            } else if (keyword("REPEATS")) {
                number();
                requireKeyword("TIMES");
            } else if (keyword("START")) {
                literal();
                requireKeyword("STOP");
                literal();
            } else {
                return;
            }
        }
    }

    private boolean comparisonExpression(List<Comparison> out) {
        boolean conjunctive = false;
        while (true) {
            skipSpace();
            if (peek() == '(') {
                pos++;
                conjunctive |= comparisonExpression(out);
                expect(')');
            } else {
                out.add(comparison());
            }
            skipSpace();
            if (keyword("AND")) {
                conjunctive = true;
            } else if (!keyword("OR")) {
                return conjunctive;
            }
        }
    }

    private Comparison comparison() {
        int start = pos;
        skipSpace();
        if (keyword("EXISTS")) {
            String path = path();
            return new Comparison(
                    path, "EXISTS", false, List.of(), src.substring(start, pos).trim());
        }
        String path = path();
        skipSpace();
        boolean negated = keyword("NOT");
        skipSpace();
        String op;
        if (src.startsWith("!=", pos) || src.startsWith("<=", pos) || src.startsWith(">=", pos)) {
            op = src.substring(pos, pos + 2);
            pos += 2;
        } else if (peek() == '=' || peek() == '<' || peek() == '>') {
            op = String.valueOf(src.charAt(pos++));
        } else {
            op = word();
            if (!List.of("MATCHES", "LIKE", "IN", "ISSUBSET", "ISSUPERSET").contains(op)) {
                throw error("expected a comparison operator");
            }
        }
        List<String> values = new ArrayList<>();
        skipSpace();
        if (op.equals("IN")) {
            expect('(');
            do {
                values.add(literal());
                skipSpace();
            } while (consume(','));
            expect(')');
        } else {
            values.add(literal());
        }
        return new Comparison(
                path, op, negated, values, src.substring(start, pos).trim());
    }

    /** An object path: {@code type:prop(.prop|.'quoted'|[n]|[*])*}. */
    private String path() {
        skipSpace();
        int start = pos;
        boolean colon = false;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\'') {
                int close = src.indexOf('\'', pos + 1);
                if (close < 0) {
                    throw error("unclosed quote in object path");
                }
                pos = close + 1;
            } else if (c == '[') {
                int close = src.indexOf(']', pos + 1);
                if (close < 0) {
                    throw error("unclosed index in object path");
                }
                pos = close + 1;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.') {
                pos++;
            } else if (c == ':' && !colon) {
                colon = true;
                pos++;
            } else {
                break;
            }
        }
        String path = src.substring(start, pos);
        if (!colon || path.endsWith(":") || path.startsWith(":")) {
            throw error("expected an object path like type:property");
        }
        return path;
    }

    private String literal() {
        skipSpace();
        char c = peek();
        if ((c == 't' || c == 'h' || c == 'b') && pos + 1 < src.length() && src.charAt(pos + 1) == '\'') {
            pos++;
            return quoted();
        }
        if (c == '\'') {
            return quoted();
        }
        if (c == '-' || Character.isDigit(c)) {
            return number();
        }
        String w = word();
        if (w.equals("true") || w.equals("false")) {
            return w;
        }
        throw error("expected a literal");
    }

    private String quoted() {
        expect('\'');
        StringBuilder b = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == '\\' && pos < src.length()) {
                b.append(src.charAt(pos++));
            } else if (c == '\'') {
                return b.toString();
            } else {
                b.append(c);
            }
        }
        throw error("unclosed string literal");
    }

    private String number() {
        skipSpace();
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
            pos++;
        }
        if (pos == start) {
            throw error("expected a number");
        }
        return src.substring(start, pos);
    }

    private String word() {
        skipSpace();
        int start = pos;
        while (pos < src.length() && Character.isLetter(src.charAt(pos))) {
            pos++;
        }
        return src.substring(start, pos);
    }

    private boolean keyword(String k) {
        skipSpace();
        if (src.startsWith(k, pos)) {
            int end = pos + k.length();
            if (end == src.length() || !Character.isLetterOrDigit(src.charAt(end))) {
                pos = end;
                return true;
            }
        }
        return false;
    }

    private void requireKeyword(String k) {
        if (!keyword(k)) {
            throw error("expected " + k);
        }
    }

    private boolean consume(char c) {
        skipSpace();
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!consume(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private char peek() {
        return pos < src.length() ? src.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at character " + (pos + 1) + " of the pattern");
    }
}

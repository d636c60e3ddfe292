package vn.khien.core.logs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The fast path for Suricata EVE {@code dns} lines: a hand-written scanner over the line's bytes that pulls
 * only the keys {@link EveDns} needs and skips everything else without building strings or nodes.
 *
 * <p>Implementation notes: the scanner is a strict, minimal JSON reader. It gives up (returns false, and
 * the caller parses the line with Jackson instead) on anything it does not handle exactly as Jackson would:
 * a line whose {@code event_type} is not {@code dns}, a non-ASCII or control byte inside a string, an
 * escape in a key or timestamp, nesting deeper than {@link #MAX_DEPTH}, a malformed number or literal, text
 * after the object, or any other syntax error. So it never accepts a line Jackson would reject, and Jackson
 * decides every hard case. Escapes in values (slash, quote, backslash-u and the rest) are decoded. One instance per
 * parse run; not thread-safe. Work is linear in the line length.
 */
final class EveDnsScanner {
    static final int MAX_DEPTH = 32;

    private byte[] b = new byte[0];
    private int p;
    private int end;
    private boolean escaped;

    /** Fills {@code out} from {@code line[from, to)} and returns true, or returns false to fall back. */
    boolean scan(byte[] line, int from, int to, EveDns out) {
        b = line;
        p = from;
        end = to;
        out.clear();
        try {
            return object(out);
        } catch (IndexOutOfBoundsException e) {
            // a truncated line ran past its end: Jackson will say what is wrong with it
            return false;
        }
    }

    private boolean object(EveDns out) {
        ws();
        if (!take('{')) {
            return false;
        }
        boolean dns = false;
        boolean sawDns = false;
        ws();
        if (peek() != '}') {
            while (true) {
                ws();
                if (!take('"')) {
                    return false;
                }
                int ks = p;
                int ke = stringEnd();
                if (ke < 0 || escaped) {
                    return false;
                }
                ws();
                if (!take(':')) {
                    return false;
                }
                ws();
                if (key(ks, ke, "timestamp")) {
                    if (!take('"')) {
                        return false;
                    }
                    int s = p;
                    int e = stringEnd();
                    if (e < 0 || escaped) {
                        return false;
                    }
                    Instant t = EveTime.parse(b, s, e);
                    if (t == null) {
                        return false;
                    }
                    out.time = t;
                } else if (key(ks, ke, "event_type")) {
                    if (!take('"')) {
                        return false;
                    }
                    int s = p;
                    int e = stringEnd();
                    if (e != s + 3 || b[s] != 'd' || b[s + 1] != 'n' || b[s + 2] != 's') {
                        return false;
                    }
                    dns = true;
                } else if (key(ks, ke, "src_ip")) {
                    if ((out.srcIp = string()) == null) {
                        return false;
                    }
                } else if (key(ks, ke, "dest_ip")) {
                    if ((out.destIp = string()) == null) {
                        return false;
                    }
                } else if (key(ks, ke, "dest_port")) {
                    int port = port();
                    if (port < 0) {
                        return false;
                    }
                    out.destPort = port;
                } else if (key(ks, ke, "dns")) {
                    if (!dnsObject(out)) {
                        return false;
                    }
                    sawDns = true;
                } else if (!skip(0)) {
                    return false;
                }
                ws();
                if (take(',')) {
                    continue;
                }
                if (peek() == '}') {
                    break;
                }
                return false;
            }
        }
        p++;
        ws();
        return p == end && dns && sawDns;
    }

    private boolean dnsObject(EveDns out) {
        if (!take('{')) {
            return false;
        }
        ws();
        if (take('}')) {
            return true;
        }
        while (true) {
            ws();
            if (!take('"')) {
                return false;
            }
            int ks = p;
            int ke = stringEnd();
            if (ke < 0 || escaped) {
                return false;
            }
            ws();
            if (!take(':')) {
                return false;
            }
            ws();
            if (key(ks, ke, "type")) {
                if ((out.type = string()) == null) {
                    return false;
                }
            } else if (key(ks, ke, "rrname")) {
                if ((out.rrname = string()) == null) {
                    return false;
                }
            } else if (key(ks, ke, "rrtype")) {
                if ((out.rrtype = string()) == null) {
                    return false;
                }
            } else if (key(ks, ke, "rdata")) {
                if ((out.rdata = string()) == null) {
                    return false;
                }
            } else if (key(ks, ke, "queries")) {
                if (!records(out, false)) {
                    return false;
                }
            } else if (key(ks, ke, "answers")) {
                if (!records(out, true)) {
                    return false;
                }
            } else if (key(ks, ke, "grouped")) {
                if (!grouped(out)) {
                    return false;
                }
            } else if (!skip(1)) {
                return false;
            }
            ws();
            if (take(',')) {
                continue;
            }
            return take('}');
        }
    }

    /** {@code [ {rrname, rrtype, rdata …}, … ]}; answers add triples, queries add names. */
    private boolean records(EveDns out, boolean answers) {
        if (!take('[')) {
            return false;
        }
        ws();
        if (take(']')) {
            return true;
        }
        while (true) {
            ws();
            if (!take('{')) {
                return false;
            }
            String name = null;
            String type = null;
            String data = null;
            ws();
            if (!take('}')) {
                while (true) {
                    ws();
                    if (!take('"')) {
                        return false;
                    }
                    int ks = p;
                    int ke = stringEnd();
                    if (ke < 0 || escaped) {
                        return false;
                    }
                    ws();
                    if (!take(':')) {
                        return false;
                    }
                    ws();
                    if (key(ks, ke, "rrname")) {
                        if ((name = string()) == null) {
                            return false;
                        }
                    } else if (key(ks, ke, "rrtype")) {
                        if ((type = string()) == null) {
                            return false;
                        }
                    } else if (key(ks, ke, "rdata") && peek() == '"') {
                        data = string();
                        if (data == null) {
                            return false;
                        }
                    } else if (!skip(3)) {
                        return false;
                    }
                    ws();
                    if (take(',')) {
                        continue;
                    }
                    if (!take('}')) {
                        return false;
                    }
                    break;
                }
            }
            if (answers) {
                out.answers.add(name);
                out.answers.add(type);
                out.answers.add(data);
            } else if (name != null) {
                out.queries.add(name);
            }
            ws();
            if (take(',')) {
                continue;
            }
            return take(']');
        }
    }

    /** {@code {"A": ["1.2.3.4", …], "CNAME": [...], …}}; non-string elements are skipped. */
    private boolean grouped(EveDns out) {
        if (!take('{')) {
            return false;
        }
        ws();
        if (take('}')) {
            return true;
        }
        while (true) {
            ws();
            String type = string();
            if (type == null) {
                return false;
            }
            ws();
            if (!take(':')) {
                return false;
            }
            ws();
            if (!take('[')) {
                return false;
            }
            ws();
            if (!take(']')) {
                while (true) {
                    ws();
                    if (peek() == '"') {
                        String v = string();
                        if (v == null) {
                            return false;
                        }
                        out.grouped.add(type);
                        out.grouped.add(v);
                    } else if (!skip(3)) {
                        return false;
                    }
                    ws();
                    if (take(',')) {
                        continue;
                    }
                    if (!take(']')) {
                        return false;
                    }
                    break;
                }
            }
            ws();
            if (take(',')) {
                continue;
            }
            return take('}');
        }
    }

    /** Skips one JSON value of any kind, validating its syntax. */
    private boolean skip(int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        byte c = peek();
        switch (c) {
            case '"' -> {
                p++;
                return stringEnd() >= 0;
            }
            case '{' -> {
                p++;
                ws();
                if (take('}')) {
                    return true;
                }
                while (true) {
                    ws();
                    if (!take('"') || stringEnd() < 0) {
                        return false;
                    }
                    ws();
                    if (!take(':')) {
                        return false;
                    }
                    ws();
                    if (!skip(depth + 1)) {
                        return false;
                    }
                    ws();
                    if (take(',')) {
                        continue;
                    }
                    return take('}');
                }
            }
            case '[' -> {
                p++;
                ws();
                if (take(']')) {
                    return true;
                }
                while (true) {
                    ws();
                    if (!skip(depth + 1)) {
                        return false;
                    }
                    ws();
                    if (take(',')) {
                        continue;
                    }
                    return take(']');
                }
            }
            case 't' -> {
                return literal("true");
            }
            case 'f' -> {
                return literal("false");
            }
            case 'n' -> {
                return literal("null");
            }
            default -> {
                return number();
            }
        }
    }

    private boolean literal(String word) {
        if (end - p < word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (b[p + i] != word.charAt(i)) {
                return false;
            }
        }
        p += word.length();
        return true;
    }

    /** JSON number grammar: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)? */
    private boolean number() {
        if (peek() == '-') {
            p++;
        }
        if (peek() == '0') {
            p++;
        } else if (digits() == 0) {
            return false;
        }
        if (peek() == '.') {
            p++;
            if (digits() == 0) {
                return false;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            p++;
            if (peek() == '+' || peek() == '-') {
                p++;
            }
            return digits() > 0;
        }
        return true;
    }

    private int digits() {
        int start = p;
        while (p < end && b[p] >= '0' && b[p] <= '9') {
            p++;
        }
        return p - start;
    }

    private int port() {
        int start = p;
        int v = 0;
        while (p < end && b[p] >= '0' && b[p] <= '9') {
            v = v * 10 + (b[p] - '0');
            if (v > 65535) {
                return -1;
            }
            p++;
        }
        int len = p - start;
        if (len == 0 || len > 1 && b[start] == '0') {
            return -1;
        }
        byte next = p < end ? b[p] : (byte) ' ';
        return next == '.' || next == 'e' || next == 'E' ? -1 : v;
    }

    /**
     * From just after an opening quote, finds the closing quote and moves past it; returns its index, or -1
     * on a control or non-ASCII byte, a bad escape or the end of the line. Sets {@link #escaped}.
     */
    private int stringEnd() {
        // locals, not fields, in this loop: it runs for every byte of every skipped string
        final byte[] a = b;
        final int e = end;
        int i = p;
        boolean esc = false;
        while (i < e) {
            byte c = a[i];
            if (c == '"') {
                p = i + 1;
                escaped = esc;
                return i;
            }
            if (c < 0x20) {
                // bytes >= 0x80 are negative: non-ASCII text goes to Jackson with the control bytes
                return -1;
            }
            if (c == '\\') {
                esc = true;
                if (i + 1 >= e) {
                    return -1;
                }
                byte x = a[i + 1];
                if (x == 'u') {
                    if (i + 5 >= e) {
                        return -1;
                    }
                    for (int k = 2; k <= 5; k++) {
                        if (Character.digit(a[i + k], 16) < 0) {
                            return -1;
                        }
                    }
                    i += 6;
                    continue;
                }
                if (x != '"' && x != '\\' && x != '/' && x != 'b' && x != 'f' && x != 'n' && x != 'r' && x != 't') {
                    return -1;
                }
                i += 2;
                continue;
            }
            i++;
        }
        return -1;
    }

    /** Reads a string value at {@code p} (which must be a quote), decoding escapes; null on error. */
    private String string() {
        if (!take('"')) {
            return null;
        }
        int s = p;
        int e = stringEnd();
        if (e < 0) {
            return null;
        }
        if (!escaped) {
            return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        }
        StringBuilder out = new StringBuilder(e - s);
        for (int i = s; i < e; i++) {
            char c = (char) b[i];
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char x = (char) b[++i];
            switch (x) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(new String(b, i + 1, 4, StandardCharsets.ISO_8859_1), 16));
                    i += 4;
                }
                default -> out.append(x);
            }
        }
        return out.toString();
    }

    private boolean key(int s, int e, String name) {
        if (e - s != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (b[s + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void ws() {
        final byte[] a = b;
        final int e = end;
        int i = p;
        while (i < e && (a[i] == ' ' || a[i] == '\t' || a[i] == '\r' || a[i] == '\n')) {
            i++;
        }
        p = i;
    }

    private byte peek() {
        return p < end ? b[p] : 0;
    }

    private boolean take(char c) {
        if (p < end && b[p] == c) {
            p++;
            return true;
        }
        return false;
    }
}

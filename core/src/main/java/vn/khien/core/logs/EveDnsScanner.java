package vn.khien.core.logs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

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
 *
 * <p>Strings are searched eight bytes at a time (SWAR on little-endian longs): one pass flags the first
 * quote, backslash, control or non-ASCII byte, so plain runs cost one load per eight bytes; escapes are then
 * checked byte by byte as before. No validation is relaxed: skipped values are still fully checked.
 * {@code dns.rrtype}, {@code dns.rdata} and {@code dns.grouped} are validated while scanning but only
 * kept as spans, and decoded into {@link EveDns} only when {@link EveDns#emit} will read them (an answer
 * without an {@code answers} list); common {@code type} and answer {@code rrtype} values are returned as
 * constants instead of new strings.
 */
final class EveDnsScanner {
    static final int MAX_DEPTH = 32;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = '"' * ONES;
    private static final long BACKSLASHES = '\\' * ONES;
    private static final long SPACES = 0x20 * ONES;

    private byte[] b = new byte[0];
    private int p;
    private int end;
    private boolean escaped;

    // spans of values that are validated while scanning but decoded only when the events need them:
    // dns.rrtype, dns.rdata (start -1: absent) and the grouped (type, value) pairs, each with its escape flag
    private int rrtypeS = -1;
    private int rrtypeE;
    private boolean rrtypeEsc;
    private int rdataS = -1;
    private int rdataE;
    private boolean rdataEsc;
    private int[] groupedSpans = new int[16];
    private int groupedCount;

    /** Where the string body last read by {@link #stringEnd} starts. */
    private int lastStart;

    /** Fills {@code out} from {@code line[from, to)} and returns true, or returns false to fall back. */
    boolean scan(byte[] line, int from, int to, EveDns out) {
        b = line;
        p = from;
        end = to;
        out.clear();
        rrtypeS = -1;
        rdataS = -1;
        groupedCount = 0;
        try {
            if (!object(out)) {
                return false;
            }
            finish(out);
            return true;
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
                if ((out.type = type()) == null) {
                    return false;
                }
            } else if (key(ks, ke, "rrname")) {
                if ((out.rrname = string()) == null) {
                    return false;
                }
            } else if (key(ks, ke, "rrtype")) {
                if (!take('"') || (rrtypeE = stringEnd()) < 0) {
                    return false;
                }
                rrtypeS = lastStart;
                rrtypeEsc = escaped;
            } else if (key(ks, ke, "rdata")) {
                if (!take('"') || (rdataE = stringEnd()) < 0) {
                    return false;
                }
                rdataS = lastStart;
                rdataEsc = escaped;
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
                        if ((type = recordType()) == null) {
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
            if (!take('"')) {
                return false;
            }
            int ts = p;
            int te = stringEnd();
            if (te < 0) {
                return false;
            }
            boolean tesc = escaped;
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
                    if (take('"')) {
                        int vs = p;
                        int ve = stringEnd();
                        if (ve < 0) {
                            return false;
                        }
                        addGrouped(ts, te, tesc, vs, ve, escaped);
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

    private void addGrouped(int ts, int te, boolean tesc, int vs, int ve, boolean vesc) {
        int n = groupedCount * 6;
        if (n + 6 > groupedSpans.length) {
            groupedSpans = Arrays.copyOf(groupedSpans, groupedSpans.length * 2);
        }
        int[] g = groupedSpans;
        g[n] = ts;
        g[n + 1] = te;
        g[n + 2] = tesc ? 1 : 0;
        g[n + 3] = vs;
        g[n + 4] = ve;
        g[n + 5] = vesc ? 1 : 0;
        groupedCount++;
    }

    /**
     * Decodes the values kept as spans, exactly as {@link EveDns#emit} will read them: {@code rrtype},
     * {@code rdata} and {@code grouped} are only looked at for an answer without an {@code answers} list.
     */
    private void finish(EveDns out) {
        if (!out.answers.isEmpty()) {
            return;
        }
        if (rrtypeS >= 0) {
            out.rrtype = decode(rrtypeS, rrtypeE, rrtypeEsc);
        }
        if (rdataS >= 0) {
            out.rdata = decode(rdataS, rdataE, rdataEsc);
        }
        int[] g = groupedSpans;
        for (int i = 0; i < groupedCount * 6; i += 6) {
            out.grouped.add(decode(g[i], g[i + 1], g[i + 2] != 0));
            out.grouped.add(decode(g[i + 3], g[i + 4], g[i + 5] != 0));
        }
    }

    /** An answer's rrtype, without allocating for A, AAAA and CNAME; null on error. */
    private String recordType() {
        if (!take('"')) {
            return null;
        }
        int s = p;
        int e = stringEnd();
        if (e < 0) {
            return null;
        }
        if (!escaped) {
            if (key(s, e, "A")) {
                return "A";
            }
            if (key(s, e, "CNAME")) {
                return "CNAME";
            }
            if (key(s, e, "AAAA")) {
                return "AAAA";
            }
        }
        return decode(s, e, escaped);
    }

    /** dns.type without allocating for the usual values; null on error. */
    private String type() {
        if (!take('"')) {
            return null;
        }
        int s = p;
        int e = stringEnd();
        if (e < 0) {
            return null;
        }
        if (!escaped) {
            int n = e - s;
            if (n == 5 && key(s, e, "query")) {
                return "query";
            }
            if (n == 6 && key(s, e, "answer")) {
                return "answer";
            }
        }
        return decode(s, e, escaped);
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
        lastStart = i;
        boolean esc = false;
        while (true) {
            // SWAR: flag, eight bytes at a time, the first quote, backslash, control (< 0x20) or non-ASCII byte
            while (i + 8 <= e) {
                long w = (long) LONGS.get(a, i);
                long q = w ^ QUOTES;
                long s = w ^ BACKSLASHES;
                long found = ((q - ONES) & ~q) | ((s - ONES) & ~s) | ((w - SPACES) & ~w) | w;
                found &= HIGHS;
                if (found != 0) {
                    // the lowest flag is exact: borrows only propagate upwards from a real hit
                    i += Long.numberOfTrailingZeros(found) >>> 3;
                    break;
                }
                i += 8;
            }
            if (i >= e) {
                return -1;
            }
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
        return decode(s, e, escaped);
    }

    /** The text of the validated string body {@code b[s, e)}, decoding escapes when it has any. */
    private String decode(int s, int e, boolean esc) {
        if (!esc) {
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

    /** Whether the key {@code b[s, e)} is {@code name}: length first, then the bytes. */
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

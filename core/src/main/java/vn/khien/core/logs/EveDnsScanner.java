package vn.khien.core.logs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

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
 * checked byte by byte as before. No validation is relaxed: skipped values are still fully checked. Keys of
 * up to 15 bytes are identified by a lookup of their first two longs (cut at the closing quote) in a small
 * hash table of the keys Suricata writes, so known keys need no separate scan and no string compares; any
 * other key is scanned and validated as before. Suricata's own 31-byte timestamp is read in place. Every
 * string the events need is validated while scanning but kept as a span, and decoded only when
 * {@link EveDns#emit} will read it (see {@code finish}); common {@code type} and answer {@code rrtype}
 * values are returned as constants instead of new strings.
 */
final class EveDnsScanner {
    static final int MAX_DEPTH = 32;

    /** Length of Suricata's own timestamp layout, {@code 2019-08-22T23:48:27.924120+0000}. */
    private static final int TIMESTAMP_LENGTH = 31;

    /** No span: the value was absent. */
    private static final long NONE = -1;

    // Keys, found by keyId(): the ones the scanner reads have their own id; K_OTHER is any other key
    private static final int K_OTHER = 0;
    private static final int K_TIMESTAMP = 1;
    private static final int K_EVENT_TYPE = 2;
    private static final int K_SRC_IP = 3;
    private static final int K_DEST_IP = 4;
    private static final int K_DEST_PORT = 5;
    private static final int K_DNS = 6;
    private static final int K_TYPE = 7;
    private static final int K_RRNAME = 8;
    private static final int K_RRTYPE = 9;
    private static final int K_RDATA = 10;
    private static final int K_QUERIES = 11;
    private static final int K_ANSWERS = 12;
    private static final int K_GROUPED = 13;

    /** The keys with an id, in id order from 1. */
    private static final String[] KEYS = {
        "timestamp",
        "event_type",
        "src_ip",
        "dest_ip",
        "dest_port",
        "dns",
        "type",
        "rrname",
        "rrtype",
        "rdata",
        "queries",
        "answers",
        "grouped"
    };

    /** Keys Suricata writes in DNS events that the scanner skips: in the table so they are found as fast. */
    private static final String[] SKIPPED = {
        "flow_id",
        "pcap_cnt",
        "vlan",
        "in_iface",
        "src_port",
        "proto",
        "pkt_src",
        "community_id",
        "tx_id",
        "app_proto",
        "host",
        "version",
        "id",
        "flags",
        "qr",
        "aa",
        "tc",
        "rd",
        "ra",
        "z",
        "opcode",
        "rcode",
        "ttl",
        "authorities",
        "additionals",
        "query",
        "answer"
    };

    private static final int TABLE_BITS = 9;
    private static final long[] TABLE_W0 = new long[1 << TABLE_BITS];
    private static final long[] TABLE_W1 = new long[1 << TABLE_BITS];
    private static final int[] TABLE_LEN = new int[1 << TABLE_BITS];
    private static final int[] TABLE_ID = new int[1 << TABLE_BITS];
    private static final long HASH;

    static {
        // the first odd multiplier under which no two keys share a slot (found in a few tries)
        long m = 0x9E3779B97F4A7C15L;
        while (!fill(m)) {
            m += 0x2545F4914F6CDD1EL;
        }
        HASH = m;
    }

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

    /** Where the string body last read by {@link #stringEnd} starts. */
    private int lastStart;

    /** Where the key last read by {@link #member} starts. */
    private int keyStart;

    // Strings are validated while scanning but only kept as spans (see span()), and decoded in finish() when
    // EveDns.emit will read them: which ones depends on dns.type, dest_port and the record types.
    private long srcIp;
    private long destIp;
    private long rrname;
    private long rrtype;
    private long rdata;
    /** queries[].rrname spans. */
    private long[] queries = new long[4];

    private int queryCount;
    /** answers[]: rrname and rdata spans (NONE when absent) and the rrtype text, per record. */
    private long[] answerNames = new long[4];

    private long[] answerData = new long[4];
    private String[] answerTypes = new String[4];
    private int answerCount;
    /** grouped: the (type, value) spans of every string element. */
    private long[] grouped = new long[8];

    private int groupedCount;

    /** Fills {@code out} from {@code line[from, to)} and returns true, or returns false to fall back. */
    boolean scan(byte[] line, int from, int to, EveDns out) {
        return scanObject(line, from, to, out) && p == to;
    }

    /**
     * Scans the line starting at {@code from} in {@code buf[from, limit)} without knowing where it ends: fills
     * {@code out} and returns the index of the LF that ends the line, or -1 to fall back (not a DNS line the
     * fast path takes, or no LF before {@code limit}). On success {@code out} is exactly what {@link #scan} gives
     * for the same line without its terminator, since a line holds no LF and this scan stops at the first one.
     */
    int scanLine(byte[] buf, int from, int limit, EveDns out) {
        if (!scanObject(buf, from, limit, out) || p >= limit || buf[p] != '\n') {
            return -1;
        }
        return p;
    }

    /**
     * The DNS event object at {@code from} and the blanks after it, read no further than {@code to}; leaves
     * {@code p} where they stop (an LF is never a blank here, so a scan never leaves its line).
     */
    private boolean scanObject(byte[] line, int from, int to, EveDns out) {
        b = line;
        p = from;
        end = to;
        out.clear();
        srcIp = NONE;
        destIp = NONE;
        rrname = NONE;
        rrtype = NONE;
        rdata = NONE;
        queryCount = 0;
        answerCount = 0;
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
        if (!take('}')) {
            while (true) {
                int k = keyId();
                if (k < 0) {
                    return false;
                }
                if (k == K_TIMESTAMP) {
                    if (!timestamp(out)) {
                        return false;
                    }
                } else if (k == K_EVENT_TYPE) {
                    // exactly "dns", quotes included: anything else is Jackson's
                    int s = p;
                    if (end - s < 5
                            || b[s] != '"'
                            || b[s + 1] != 'd'
                            || b[s + 2] != 'n'
                            || b[s + 3] != 's'
                            || b[s + 4] != '"') {
                        return false;
                    }
                    p = s + 5;
                    dns = true;
                } else if (k == K_SRC_IP) {
                    if ((srcIp = span()) < 0) {
                        return false;
                    }
                } else if (k == K_DEST_IP) {
                    if ((destIp = span()) < 0) {
                        return false;
                    }
                } else if (k == K_DEST_PORT) {
                    int port = port();
                    if (port < 0) {
                        return false;
                    }
                    out.destPort = port;
                } else if (k == K_DNS) {
                    if (!dnsObject(out)) {
                        return false;
                    }
                    sawDns = true;
                } else if (!skip(0)) {
                    return false;
                }
                int n = next('}');
                if (n < 0) {
                    return false;
                }
                if (n == 0) {
                    break;
                }
            }
        }
        ws();
        return dns && sawDns;
    }

    /** The {@code timestamp} value at {@code p}; false to fall back. */
    private boolean timestamp(EveDns out) {
        if (!take('"')) {
            return false;
        }
        int s = p;
        // Suricata's own layout, 2019-08-22T23:48:27.924120+0000, is 31 bytes: when EveTime accepts them (so
        // none is a quote, backslash or control byte) and a quote follows, that quote closes the string
        Instant t = s + TIMESTAMP_LENGTH < end && b[s + TIMESTAMP_LENGTH] == '"'
                ? EveTime.parse(b, s, s + TIMESTAMP_LENGTH)
                : null;
        if (t != null) {
            p = s + TIMESTAMP_LENGTH + 1;
        } else {
            int e = stringEnd();
            if (e < 0 || escaped || (t = EveTime.parse(b, s, e)) == null) {
                return false;
            }
        }
        out.time = t;
        return true;
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
            int k = keyId();
            if (k < 0) {
                return false;
            }
            if (k == K_TYPE) {
                if ((out.type = type()) == null) {
                    return false;
                }
            } else if (k == K_RRNAME) {
                if ((rrname = span()) < 0) {
                    return false;
                }
            } else if (k == K_RRTYPE) {
                if ((rrtype = span()) < 0) {
                    return false;
                }
            } else if (k == K_RDATA) {
                if ((rdata = span()) < 0) {
                    return false;
                }
            } else if (k == K_QUERIES) {
                if (!records(false)) {
                    return false;
                }
            } else if (k == K_ANSWERS) {
                if (!records(true)) {
                    return false;
                }
            } else if (k == K_GROUPED) {
                if (!grouped()) {
                    return false;
                }
            } else if (!skip(1)) {
                return false;
            }
            int n = next('}');
            if (n <= 0) {
                return n == 0;
            }
        }
    }

    /** {@code [ {rrname, rrtype, rdata …}, … ]}; answers add records, queries add names. */
    private boolean records(boolean answers) {
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
            long name = NONE;
            String type = null;
            long data = NONE;
            ws();
            if (!take('}')) {
                while (true) {
                    int k = keyId();
                    if (k < 0) {
                        return false;
                    }
                    if (k == K_RRNAME) {
                        if ((name = span()) < 0) {
                            return false;
                        }
                    } else if (k == K_RRTYPE) {
                        if ((type = recordType()) == null) {
                            return false;
                        }
                    } else if (k == K_RDATA && peek() == '"') {
                        if ((data = span()) < 0) {
                            return false;
                        }
                    } else if (!skip(3)) {
                        return false;
                    }
                    int n = next('}');
                    if (n < 0) {
                        return false;
                    }
                    if (n == 0) {
                        break;
                    }
                }
            }
            if (answers) {
                addAnswer(name, type, data);
            } else if (name != NONE) {
                addQuery(name);
            }
            int n = next(']');
            if (n <= 0) {
                return n == 0;
            }
        }
    }

    /** {@code {"A": ["1.2.3.4", …], "CNAME": [...], …}}; non-string elements are skipped. */
    private boolean grouped() {
        if (!take('{')) {
            return false;
        }
        ws();
        if (take('}')) {
            return true;
        }
        while (true) {
            int te = member();
            if (te < 0) {
                return false;
            }
            long type = lastSpan(te);
            if (!take('[')) {
                return false;
            }
            ws();
            if (!take(']')) {
                while (true) {
                    ws();
                    if (peek() == '"') {
                        long value = span();
                        if (value < 0) {
                            return false;
                        }
                        addGrouped(type, value);
                    } else if (!skip(3)) {
                        return false;
                    }
                    int n = next(']');
                    if (n < 0) {
                        return false;
                    }
                    if (n == 0) {
                        break;
                    }
                }
            }
            int n = next('}');
            if (n <= 0) {
                return n == 0;
            }
        }
    }

    private void addQuery(long name) {
        if (queryCount == queries.length) {
            queries = Arrays.copyOf(queries, queryCount * 2);
        }
        queries[queryCount++] = name;
    }

    private void addAnswer(long name, @Nullable String type, long data) {
        if (answerCount == answerNames.length) {
            answerNames = Arrays.copyOf(answerNames, answerCount * 2);
            answerData = Arrays.copyOf(answerData, answerCount * 2);
            answerTypes = Arrays.copyOf(answerTypes, answerCount * 2);
        }
        answerNames[answerCount] = name;
        answerData[answerCount] = data;
        answerTypes[answerCount] = type;
        answerCount++;
    }

    private void addGrouped(long type, long value) {
        if (groupedCount * 2 == grouped.length) {
            grouped = Arrays.copyOf(grouped, grouped.length * 2);
        }
        grouped[groupedCount * 2] = type;
        grouped[groupedCount * 2 + 1] = value;
        groupedCount++;
    }

    /**
     * Decodes the spans {@link EveDns#emit} will read, and only those: for a query the addresses and the
     * names; for an answer the client's address ({@code src_ip} when {@code dest_port} is 53, else
     * {@code dest_ip}) and, from {@code answers}, the name and data of A/AAAA records and the data of CNAME
     * records ({@link EveDns#recordName} and {@link EveDns#recordData}), or without {@code answers} list
     * {@code rrname}, {@code rrtype}, {@code rdata} and {@code grouped}. Other types yield no events.
     */
    private void finish(EveDns out) {
        if (EveDns.isQuery(out.type)) {
            out.srcIp = decode(srcIp);
            out.destIp = decode(destIp);
            for (int i = 0; i < queryCount; i++) {
                out.queries.add(decode(queries[i]));
            }
            if (queryCount == 0) {
                out.rrname = decode(rrname);
            }
            return;
        }
        if (!EveDns.isAnswer(out.type)) {
            return;
        }
        if (out.destPort == 53) {
            out.srcIp = decode(srcIp);
        } else {
            out.destIp = decode(destIp);
        }
        if (answerCount > 0) {
            for (int i = 0; i < answerCount; i++) {
                String type = answerTypes[i];
                out.answers.add(EveDns.recordName(type) ? decode(answerNames[i]) : null);
                out.answers.add(type);
                out.answers.add(EveDns.recordData(type) ? decode(answerData[i]) : null);
            }
            return;
        }
        out.rrname = decode(rrname);
        out.rrtype = decode(rrtype);
        out.rdata = decode(rdata);
        for (int i = 0; i < groupedCount * 2; i++) {
            out.grouped.add(decode(grouped[i]));
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
        // strings and numbers, nearly all skipped values, inline; containers and literals do not
        byte c = peek();
        if (c == '"') {
            p++;
            return stringEnd() >= 0;
        }
        if (c >= '0' && c <= '9') {
            return number();
        }
        return skipOther(c, depth);
    }

    private boolean skipOther(byte c, int depth) {
        switch (c) {
            case '{' -> {
                p++;
                ws();
                if (take('}')) {
                    return true;
                }
                while (true) {
                    if (member() < 0 || !skip(depth + 1)) {
                        return false;
                    }
                    int n = next('}');
                    if (n <= 0) {
                        return n == 0;
                    }
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
                    int n = next(']');
                    if (n <= 0) {
                        return n == 0;
                    }
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
     *
     * <p>Kept small so the JIT inlines it at every call site (it runs for every key and string value): the
     * common case, a plain string whose closing quote is the first byte flagged, is handled here; escapes,
     * errors and the last few bytes of the line go to {@link #stringEndSlow}.
     */
    private int stringEnd() {
        final byte[] a = b;
        final int e = end;
        int i = p;
        lastStart = i;
        while (i + 8 <= e) {
            long w = (long) LONGS.get(a, i);
            long found = flags(w);
            if (found != 0) {
                // the lowest flag is exact: borrows only propagate upwards from a real hit
                i += Long.numberOfTrailingZeros(found) >>> 3;
                if (a[i] == '"') {
                    p = i + 1;
                    escaped = false;
                    return i;
                }
                break;
            }
            i += 8;
        }
        return stringEndSlow(i);
    }

    /**
     * SWAR: the high bit of each byte of {@code w} that is a quote, a backslash, a control byte (below
     * 0x20) or non-ASCII (0x80 and above); only the lowest flag is exact.
     */
    private static long flags(long w) {
        long q = w ^ QUOTES;
        long s = w ^ BACKSLASHES;
        // (w - 0x20) has its high bit set for bytes below 0x20 (or borrowing from one), w for bytes >= 0x80
        return (((q - ONES) & ~q) | ((s - ONES) & ~s) | (w - SPACES) | w) & HIGHS;
    }

    /** {@link #stringEnd} from {@code i}, byte by byte where needed: escapes, errors, the line's tail. */
    private int stringEndSlow(int from) {
        final byte[] a = b;
        final int e = end;
        int i = from;
        boolean esc = false;
        while (true) {
            while (i + 8 <= e) {
                long found = flags((long) LONGS.get(a, i));
                if (found != 0) {
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

    /**
     * Reads a string value at {@code p} (which must be a quote) and returns its body as a span: start in the
     * high 32 bits, end shifted left by one, and the low bit set when it has escapes; -1 on error.
     */
    private long span() {
        if (!take('"')) {
            return -1;
        }
        int e = stringEnd();
        if (e < 0) {
            return -1;
        }
        return lastSpan(e);
    }

    /** The span of the string {@link #stringEnd} last read, which ended at {@code e}. */
    private long lastSpan(int e) {
        return (long) lastStart << 32 | (long) e << 1 | (escaped ? 1 : 0);
    }

    /** The text of a {@link #span}, or null for {@link #NONE}. */
    private @Nullable String decode(long span) {
        if (span == NONE) {
            return null;
        }
        return decode((int) (span >>> 32), (int) span >>> 1, (span & 1) != 0);
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

    /** Puts every key into the table under {@code multiplier}; false if two collide. */
    private static boolean fill(long multiplier) {
        Arrays.fill(TABLE_LEN, 0);
        for (int k = 0; k < KEYS.length + SKIPPED.length; k++) {
            String key = k < KEYS.length ? KEYS[k] : SKIPPED[k - KEYS.length];
            long w0 = 0;
            long w1 = 0;
            for (int i = 0; i < key.length(); i++) {
                long c = (long) key.charAt(i) << ((i & 7) << 3);
                if (i < 8) {
                    w0 |= c;
                } else {
                    w1 |= c;
                }
            }
            int h = hash(w0, w1, multiplier);
            if (TABLE_LEN[h] != 0) {
                return false;
            }
            TABLE_W0[h] = w0;
            TABLE_W1[h] = w1;
            TABLE_LEN[h] = key.length();
            TABLE_ID[h] = k < KEYS.length ? k + 1 : K_OTHER;
        }
        return true;
    }

    private static int hash(long w0, long w1, long multiplier) {
        return (int) (((w0 ^ Long.rotateLeft(w1, 29)) * multiplier) >>> (64 - TABLE_BITS));
    }

    /**
     * Reads {@code "key":} like {@link #member} and returns its id ({@code K_*}, {@link #K_OTHER} for keys
     * without one), or -1 on a syntax error or a key with escapes (which Jackson decides).
     *
     * <p>Keys up to 15 bytes are found without a separate scan: the two little-endian longs after the
     * opening quote, cut at the first quote, are looked up in a hash table of known keys. A hit means the key
     * is exactly those plain bytes and that quote closes it; anything else takes {@link #member} and, if it
     * is short, the same table.
     */
    private int keyId() {
        ws();
        if (!take('"')) {
            return -1;
        }
        final byte[] a = b;
        final int i = p;
        if (i + 16 <= a.length) {
            long w0 = (long) LONGS.get(a, i);
            long w1 = (long) LONGS.get(a, i + 8);
            long q0 = w0 ^ QUOTES;
            long f0 = (q0 - ONES) & ~q0 & HIGHS;
            int len;
            if (f0 != 0) {
                len = Long.numberOfTrailingZeros(f0) >>> 3;
                w0 &= ~(-1L << (len << 3));
                w1 = 0;
            } else {
                long q1 = w1 ^ QUOTES;
                long f1 = (q1 - ONES) & ~q1 & HIGHS;
                // no quote in 16 bytes: len 16 is in no table slot
                len = 8 + (Long.numberOfTrailingZeros(f1) >>> 3);
                w1 &= ~(-1L << ((len - 8) << 3));
            }
            int h = hash(w0, w1, HASH);
            if (TABLE_LEN[h] == len && TABLE_W0[h] == w0 && TABLE_W1[h] == w1 && i + len < end) {
                p = i + len + 1;
                ws();
                if (!take(':')) {
                    return -1;
                }
                ws();
                return TABLE_ID[h];
            }
        }
        p = i - 1;
        int ke = member();
        if (ke < 0 || escaped) {
            return -1;
        }
        return lookup(keyStart, ke);
    }

    /** The id of the plain key {@code b[s, e)}, by the same table. */
    private int lookup(int s, int e) {
        int len = e - s;
        if (len >= 16) {
            return K_OTHER;
        }
        long w0 = 0;
        long w1 = 0;
        for (int i = 0; i < len; i++) {
            long c = (long) (b[s + i] & 0xFF) << ((i & 7) << 3);
            if (i < 8) {
                w0 |= c;
            } else {
                w1 |= c;
            }
        }
        int h = hash(w0, w1, HASH);
        return TABLE_LEN[h] == len && TABLE_W0[h] == w0 && TABLE_W1[h] == w1 ? TABLE_ID[h] : K_OTHER;
    }

    /**
     * Reads {@code "key":} (whitespace allowed around each part): returns the key's end and leaves its start
     * in {@link #keyStart} and whether it has escapes in {@link #escaped}; -1 on a syntax error.
     */
    private int member() {
        ws();
        if (!take('"')) {
            return -1;
        }
        keyStart = p;
        int ke = stringEnd();
        if (ke < 0) {
            return -1;
        }
        ws();
        if (!take(':')) {
            return -1;
        }
        ws();
        return ke;
    }

    /** After a value: 1 past a comma (more follow), 0 past {@code close}, -1 for anything else. */
    private int next(char close) {
        ws();
        if (take(',')) {
            return 1;
        }
        return take(close) ? 0 : -1;
    }

    private void ws() {
        // EVE lines have no whitespace between tokens: one compare in the usual case
        if (p < end && b[p] <= ' ') {
            wsSlow();
        }
    }

    private void wsSlow() {
        final byte[] a = b;
        final int e = end;
        int i = p;
        // no LF: lines are split on it, so a scan that does not know its line's end stops there
        while (i < e && (a[i] == ' ' || a[i] == '\t' || a[i] == '\r')) {
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

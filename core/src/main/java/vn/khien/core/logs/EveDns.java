package vn.khien.core.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The fields of one Suricata EVE {@code dns} record both the byte scanner and the Jackson path extract,
 * and the one mapping from them to events, so the two paths cannot disagree. Covers the v1 layout (one
 * line per query or per answer record), v2 ({@code answers[]} and/or {@code grouped}) and v3
 * ({@code request}/{@code response} with {@code queries[]}).
 *
 * <p>Events: a query yields one {@link LogEvent.Kind#DNS_QUERY} per queried name from {@code src_ip}; an
 * answer yields, for the client (the side that is not on port 53), one {@link LogEvent.Kind#DNS_ANSWER} per A/AAAA record
 * (the record's name and address) and per CNAME record (its target as domain). Mutable, reused per line.
 */
final class EveDns {
    @Nullable
    Instant time;

    @Nullable
    String srcIp;

    @Nullable
    String destIp;

    int destPort;

    @Nullable
    String type;

    @Nullable
    String rrname;

    @Nullable
    String rrtype;

    @Nullable
    String rdata;

    final List<String> queries = new ArrayList<>(2);
    /** Flattened triples: rrname, rrtype, rdata. */
    final List<@Nullable String> answers = new ArrayList<>(12);
    /** Flattened pairs: rrtype, value. */
    final List<String> grouped = new ArrayList<>(8);

    void clear() {
        time = null;
        srcIp = null;
        destIp = null;
        destPort = 0;
        type = null;
        rrname = null;
        rrtype = null;
        rdata = null;
        queries.clear();
        answers.clear();
        grouped.clear();
    }

    void emit(long lineNo, String raw, List<LogEvent> out) {
        if (isQuery(type)) {
            if (queries.isEmpty() && rrname != null) {
                add(out, lineNo, raw, LogEvent.Kind.DNS_QUERY, srcIp, rrname, destIp, destPort);
            }
            for (String q : queries) {
                add(out, lineNo, raw, LogEvent.Kind.DNS_QUERY, srcIp, q, destIp, destPort);
            }
            return;
        }
        if (!isAnswer(type)) {
            return;
        }
        if (!answers.isEmpty()) {
            for (int i = 0; i + 2 < answers.size(); i += 3) {
                answer(out, lineNo, raw, answers.get(i), answers.get(i + 1), answers.get(i + 2));
            }
        } else if (rdata != null) {
            answer(out, lineNo, raw, rrname, rrtype, rdata);
        } else {
            for (int i = 0; i + 1 < grouped.size(); i += 2) {
                answer(out, lineNo, raw, rrname, grouped.get(i), grouped.get(i + 1));
            }
        }
    }

    /** Whether {@code dns.type} is a query: events are its names from {@code src_ip}. */
    static boolean isQuery(@Nullable String type) {
        return "query".equals(type) || "request".equals(type);
    }

    /** Whether {@code dns.type} is an answer: events are its A, AAAA and CNAME records, for the client. */
    static boolean isAnswer(@Nullable String type) {
        return "answer".equals(type) || "response".equals(type);
    }

    /** Whether an answer record of this type yields an event with the record's name (A, AAAA). */
    static boolean recordName(@Nullable String recordType) {
        return "A".equals(recordType) || "AAAA".equals(recordType);
    }

    /** Whether an answer record of this type yields an event with its data (A, AAAA, CNAME). */
    static boolean recordData(@Nullable String recordType) {
        return recordName(recordType) || "CNAME".equals(recordType);
    }

    private void answer(
            List<LogEvent> out,
            long lineNo,
            String raw,
            @Nullable String name,
            @Nullable String recordType,
            @Nullable String data) {
        if (recordType == null || data == null) {
            return;
        }
        // Suricata 4 logged answers from the resolver's side, Suricata 5 and later in flow direction
        String client = destPort == 53 ? srcIp : destIp;
        if (recordName(recordType)) {
            add(out, lineNo, raw, LogEvent.Kind.DNS_ANSWER, client, name, data, 0);
        } else if (recordData(recordType)) {
            // CNAME: its target is the domain
            add(out, lineNo, raw, LogEvent.Kind.DNS_ANSWER, client, data, null, 0);
        }
        // MX, TXT, PTR … name nothing the detection matches against
    }

    private void add(
            List<LogEvent> out,
            long lineNo,
            String raw,
            LogEvent.Kind kind,
            @Nullable String client,
            @Nullable String name,
            @Nullable String ip,
            int port) {
        out.add(new LogEvent(lineNo, time, kind, client, domain(name), ip, port, null, null, raw));
    }

    static @Nullable String domain(@Nullable String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c >= 'A' && c <= 'Z' || c > 127) {
                return n.toLowerCase(Locale.ROOT);
            }
        }
        return n.isEmpty() ? null : n;
    }
}

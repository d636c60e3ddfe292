package vn.khien.bench.logs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.core.logs.ByteScan;
import vn.khien.core.logs.LogEvent;

/**
 * The reference the Suricata DNS fast path is measured against: a Jackson 3 streaming {@link JsonParser}
 * per line that extracts the same fields (timestamp, src/dest IP, dest port, dns type, rrname, queries,
 * answers) and builds the same {@link LogEvent}s. It shares the line splitting, the timestamp conversion
 * and the event mapping rules with the fast path, so the comparison measures JSON extraction only.
 */
final class JacksonEveDnsReference {
    private final ObjectMapper mapper = JsonMapper.builder().build();

    /** Parses every line of {@code data}; returns the number of lines read. */
    long parse(byte[] data, Consumer<LogEvent> sink) {
        long lineNo = 0;
        int start = 0;
        while (start <= data.length) {
            // the same eight-bytes-at-a-time newline search as the production line loop
            int i = ByteScan.indexOf(data, start, data.length, (byte) '\n');
            if (i > start) {
                lineNo++;
                line(data, start, i, lineNo, sink);
            }
            start = i + 1;
        }
        return lineNo;
    }

    private void line(byte[] b, int from, int to, long lineNo, Consumer<LogEvent> sink) {
        Instant time = null;
        String src = null;
        String dst = null;
        int port = 0;
        String eventType = null;
        String type = null;
        String rrname = null;
        List<String> queries = new ArrayList<>(2);
        List<String> answers = new ArrayList<>(12);
        try (JsonParser p = mapper.createParser(b, from, to - from)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "timestamp" -> time = EveTimes.parse(p.getString());
                    case "event_type" -> eventType = p.getString();
                    case "src_ip" -> src = p.getString();
                    case "dest_ip" -> dst = p.getString();
                    case "dest_port" -> port = p.getIntValue();
                    case "dns" -> {
                        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                            String key = p.currentName();
                            JsonToken v = p.nextToken();
                            switch (key) {
                                case "type" -> type = p.getString();
                                case "rrname" -> rrname = p.getString();
                                case "queries" -> records(p, queries, false);
                                case "answers" -> records(p, answers, true);
                                default -> {
                                    if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                                        p.skipChildren();
                                    }
                                }
                            }
                        }
                    }
                    default -> {
                        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                            p.skipChildren();
                        }
                    }
                }
            }
        }
        if (!"dns".equals(eventType)) {
            return;
        }
        String raw = new String(b, from, to - from, StandardCharsets.UTF_8);
        if ("query".equals(type) || "request".equals(type)) {
            if (queries.isEmpty() && rrname != null) {
                queries.add(rrname);
            }
            for (String q : queries) {
                sink.accept(new LogEvent(
                        lineNo, time, LogEvent.Kind.DNS_QUERY, src, domain(q), dst, port, null, null, raw));
            }
            return;
        }
        String client = port == 53 ? src : dst;
        for (int i = 0; i + 2 < answers.size(); i += 3) {
            String rrtype = answers.get(i + 1);
            if ("A".equals(rrtype) || "AAAA".equals(rrtype)) {
                sink.accept(new LogEvent(
                        lineNo,
                        time,
                        LogEvent.Kind.DNS_ANSWER,
                        client,
                        domain(answers.get(i)),
                        answers.get(i + 2),
                        0,
                        null,
                        null,
                        raw));
            } else if ("CNAME".equals(rrtype)) {
                sink.accept(new LogEvent(
                        lineNo,
                        time,
                        LogEvent.Kind.DNS_ANSWER,
                        client,
                        domain(answers.get(i + 2)),
                        null,
                        0,
                        null,
                        null,
                        raw));
            }
        }
    }

    private static void records(JsonParser p, List<String> out, boolean answers) {
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String name = null;
            String type = null;
            String data = null;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                switch (key) {
                    case "rrname" -> name = p.getString();
                    case "rrtype" -> type = p.getString();
                    case "rdata" -> data = v == JsonToken.VALUE_STRING ? p.getString() : skip(p, v);
                    default -> skip(p, v);
                }
            }
            if (answers) {
                out.add(name);
                out.add(type);
                out.add(data);
            } else if (name != null) {
                out.add(name);
            }
        }
    }

    private static String skip(JsonParser p, JsonToken v) {
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
            p.skipChildren();
        }
        return null;
    }

    private static String domain(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c >= 'A' && c <= 'Z' || c > 127) {
                return n.toLowerCase(java.util.Locale.ROOT);
            }
        }
        return n;
    }
}

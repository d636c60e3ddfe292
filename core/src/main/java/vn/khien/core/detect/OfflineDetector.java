package vn.khien.core.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.khien.core.ingest.ImportReport;
import vn.khien.core.intel.Indicator;
import vn.khien.core.intel.IndicatorMatch;
import vn.khien.core.intel.IndicatorMatcher;
import vn.khien.core.intel.feeds.IndicatorFile;
import vn.khien.core.intel.feeds.IndicatorFiles;
import vn.khien.core.intel.feeds.Warninglist;
import vn.khien.core.logs.LogEvent;
import vn.khien.core.logs.LogFormat;
import vn.khien.core.logs.LogFormats;
import vn.khien.core.logs.LogParser;

/**
 * Runs detection offline, as {@code khien detect} does: reads indicator files of any supported format
 * (detected by content; MISP warninglists among them suppress the indicators they list), parses one log
 * file in a given or detected format, and writes one JSON object per matching log line.
 *
 * <p>Each output object has {@code line} (1-based), {@code observed} (the value seen), {@code indicator} (the
 * indicator value it matched), {@code type}, {@code source}, {@code field}, {@code kind}, {@code time} and
 * {@code client} when known, {@code confidence} and {@code tags}; when one line matches several indicators
 * the first is given at the top level and all of them under {@code matches}. Malformed log lines are
 * counted and reported, never fatal. Not thread-safe; one instance per run.
 */
public final class OfflineDetector {
    /** Lines sniffed for format detection. */
    static final int SNIFF_LINES = 50;

    private final LogFormats formats;

    public OfflineDetector(LogFormats formats) {
        this.formats = formats;
    }

    /** A detector knowing every built-in log format. */
    public static OfflineDetector withDefaultFormats() {
        return new OfflineDetector(LogFormats.defaults());
    }

    /**
     * What a run did.
     *
     * @param format the log format used
     * @param indicators indicators loaded from all files
     * @param active indicators the matcher uses (not revoked, expired, invalid or suppressed)
     * @param suppressed indicators dropped because a warninglist lists them
     * @param log the log parser's report (read = lines read, rejected = malformed)
     * @param matchingLines log lines with at least one match
     * @param matches matches in total, counted once per line (distinct observed value and indicator)
     */
    public record Summary(
            LogFormat format,
            int indicators,
            int active,
            int suppressed,
            ImportReport log,
            long matchingLines,
            long matches,
            @Nullable String firstMalformed) {

        /** The one-line summary {@code khien detect} prints. */
        public String line() {
            return String.format(
                    Locale.ROOT,
                    "format=%s indicators=%d active=%d lines=%d malformed=%d matches=%d%s",
                    LogFormats.names().get(format.ordinal()),
                    indicators,
                    active,
                    log.read(),
                    log.rejected(),
                    matchingLines,
                    firstMalformed == null ? "" : " (first malformed: " + firstMalformed + ")");
        }
    }

    /** Thrown when the input cannot be used at all: unknown format, missing parser, unreadable file. */
    public static final class DetectException extends IOException {
        private static final long serialVersionUID = 1L;

        public DetectException(String message) {
            super(message);
        }
    }

    /**
     * Runs detection of {@code log} against the indicators in {@code indicatorFiles}, active at {@code now},
     * writing JSON lines to {@code out}; {@code format} null means detect it from the first lines.
     */
    public Summary run(List<Path> indicatorFiles, Path log, @Nullable LogFormat format, Writer out, Instant now)
            throws IOException {
        List<Indicator> loaded = new ArrayList<>();
        List<Warninglist> warninglists = new ArrayList<>();
        for (Path file : indicatorFiles) {
            IndicatorFile f = read(file);
            loaded.addAll(f.result().indicators());
            if (f.warninglist() != null) {
                warninglists.add(f.warninglist());
            }
        }
        List<Indicator> kept = new ArrayList<>(loaded.size());
        for (Indicator i : loaded) {
            if (warninglists.stream().noneMatch(w -> w.matches(i))) {
                kept.add(i);
            }
        }
        IndicatorMatcher matcher = IndicatorMatcher.build(kept, now);
        int active = kept.size() - matcher.inactiveCount() - matcher.invalidCount();
        LogFormat f = format != null ? format : detect(log);
        LogParser parser = formats.parser(f)
                .orElseThrow(() -> new DetectException("no parser for log format "
                        + LogFormats.names().get(f.ordinal()) + " in this build; known: " + known()));
        // A line can yield several events (a Suricata fileinfo line reports each of its hashes): they are
        // gathered per line so the output has one object per matching line with its distinct matches.
        LineMatches pending = new LineMatches(out);
        ImportReport report;
        try (InputStream in = Files.newInputStream(log)) {
            report = parser.parse(in, event -> {
                List<IndicatorMatch> matches = matcher.match(event);
                if (!matches.isEmpty()) {
                    pending.add(event, matches);
                }
            });
            pending.flush();
        } catch (NoSuchFileException e) {
            throw new DetectException("log file not found: " + log);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
        String firstMalformed = report.rejections().isEmpty()
                ? null
                : log.getFileName() + " " + report.rejections().get(0);
        return new Summary(
                f,
                loaded.size(),
                active,
                loaded.size() - kept.size(),
                report,
                pending.lines,
                pending.matches,
                firstMalformed);
    }

    /** The matches of the current log line, written out when the next line's first match arrives. */
    private static final class LineMatches {
        private final Writer out;
        private @Nullable LogEvent first;
        private final Set<IndicatorMatch> current = new LinkedHashSet<>();
        long lines;
        long matches;

        LineMatches(Writer out) {
            this.out = out;
        }

        void add(LogEvent event, List<IndicatorMatch> found) {
            if (first != null && first.line() != event.line()) {
                flush();
            }
            if (first == null) {
                first = event;
            }
            current.addAll(found);
        }

        void flush() {
            if (first == null) {
                return;
            }
            lines++;
            matches += current.size();
            try {
                out.write(json(first, List.copyOf(current)));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            first = null;
            current.clear();
        }
    }

    private static IndicatorFile read(Path file) throws IOException {
        try {
            return IndicatorFiles.read(file, String.valueOf(file.getFileName()), IndicatorFiles.DEFAULT_MAX_BYTES);
        } catch (NoSuchFileException e) {
            throw new DetectException("indicator file not found: " + file);
        } catch (IOException e) {
            throw new DetectException("indicator file " + file + ": " + e.getMessage());
        }
    }

    private String known() {
        return String.join(
                ", ",
                formats.formats().stream()
                        .map(x -> LogFormats.names().get(x.ordinal()))
                        .toList());
    }

    /** The format of {@code log} judged from its first lines; fails with a message naming the file. */
    public LogFormat detect(Path log) throws IOException {
        List<String> first = new ArrayList<>();
        try (var lines = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String l;
            while (first.size() < SNIFF_LINES && (l = lines.readLine()) != null) {
                first.add(l);
            }
        } catch (NoSuchFileException e) {
            throw new DetectException("log file not found: " + log);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new DetectException("cannot detect the format of " + log + ": not UTF-8 text; pass --format");
        }
        return formats.detect(first)
                .orElseThrow(() -> new DetectException("cannot detect the format of " + log
                        + " from its first lines; pass --format (" + known() + ")"));
    }

    static String json(LogEvent event, List<IndicatorMatch> matches) {
        StringBuilder b = new StringBuilder(256);
        b.append("{\"line\":").append(event.line()).append(',');
        appendMatch(b, matches.get(0));
        b.append(",\"kind\":");
        string(b, event.kind().name());
        if (event.time() != null) {
            b.append(",\"time\":");
            string(b, event.time().toString());
        }
        if (event.sourceIp() != null) {
            b.append(",\"client\":");
            string(b, event.sourceIp());
        }
        if (matches.size() > 1) {
            b.append(",\"matches\":[");
            for (int i = 0; i < matches.size(); i++) {
                b.append(i == 0 ? "{" : ",{");
                appendMatch(b, matches.get(i));
                b.append('}');
            }
            b.append(']');
        }
        return b.append('}').toString();
    }

    private static void appendMatch(StringBuilder b, IndicatorMatch m) {
        Indicator i = m.indicator();
        b.append("\"observed\":");
        string(b, m.observed());
        b.append(",\"indicator\":");
        string(b, i.value());
        b.append(",\"type\":");
        string(b, i.type().name().toLowerCase(Locale.ROOT));
        b.append(",\"source\":");
        string(b, i.source());
        b.append(",\"field\":");
        string(b, m.field().name().toLowerCase(Locale.ROOT));
        b.append(",\"confidence\":").append(i.confidence());
        b.append(",\"tags\":[");
        for (int t = 0; t < i.tags().size(); t++) {
            if (t > 0) {
                b.append(',');
            }
            string(b, i.tags().get(t));
        }
        b.append(']');
    }

    /** {@code s} as a JSON string literal. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2);
        string(b, s);
        return b.toString();
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}

package vn.khien.core.intel.feeds;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import vn.khien.core.ingest.ImportReport;

/**
 * Reads an indicator file of any supported format, detected by content rather than by name: STIX 2.1
 * bundle, MISP event, MISP warninglist, CSV with a header naming a value column, or plain list. Gzip
 * input is unpacked first. Inputs larger than the given limit (after unpacking) are refused before they
 * are parsed, so a hostile upload cannot exhaust memory.
 *
 * <p>Detection: JSON ({@code {} or {@code [} first) is a bundle when {@code "type": "bundle"}, a
 * warninglist when it has {@code name}, {@code type} and a {@code list} array, a MISP event when it has
 * {@code Event}, {@code Attribute}, {@code Object} or event fields; other JSON is refused. Text is CSV when
 * its first data line, or the comment line just before it (URLhaus style), names a value column; otherwise
 * a plain list.
 */
public final class IndicatorFiles {
    /** The default size limit: 256 MiB. */
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

    private IndicatorFiles() {}

    /** Reads {@code file}, refusing it when larger than {@code maxBytes}. */
    public static IndicatorFile read(Path file, String source, long maxBytes) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new IndicatorFormatException(
                    file.getFileName() + " is " + size + " bytes, over the limit of " + maxBytes);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(readLimited(in, maxBytes, String.valueOf(file.getFileName())), source, maxBytes);
        }
    }

    /** Reads in-memory content, refusing it when larger than {@code maxBytes} (after gzip unpacking). */
    public static IndicatorFile read(byte[] content, String source, long maxBytes) throws IOException {
        byte[] bytes = unpack(content, maxBytes);
        IndicatorFileFormat format = detect(bytes);
        return switch (format) {
            case STIX_BUNDLE -> new IndicatorFile(format, StixBundleReader.read(bytes, source), null);
            case MISP_EVENT -> new IndicatorFile(format, MispEventReader.read(bytes, source), null);
            case MISP_WARNINGLIST ->
                new IndicatorFile(
                        format,
                        new IndicatorImport(List.of(), ImportReport.builder().build()),
                        Warninglist.fromJson(Json.parse(bytes, "MISP warninglist")));
            case CSV -> new IndicatorFile(format, CsvIndicatorReader.read(reader(bytes), source), null);
            case PLAIN_LIST -> new IndicatorFile(format, PlainListReader.read(reader(bytes), source), null);
        };
    }

    /**
     * The format of {@code content} (already unpacked); throws {@link IndicatorFormatException} for JSON that
     * is none of the supported documents, or for binary content.
     */
    public static IndicatorFileFormat detect(byte[] content) throws IOException {
        int i = content.length >= 3
                        && (content[0] & 0xff) == 0xef
                        && (content[1] & 0xff) == 0xbb
                        && (content[2] & 0xff) == 0xbf
                ? 3
                : 0;
        while (i < content.length && Character.isWhitespace(content[i])) {
            i++;
        }
        if (i < content.length && (content[i] == '{' || content[i] == '[')) {
            JsonNode root = Json.parse(content, "supported JSON indicator file");
            if (root.isObject() && "bundle".equals(Json.text(root.get("type")))) {
                return IndicatorFileFormat.STIX_BUNDLE;
            }
            if (Warninglist.isWarninglist(root)) {
                return IndicatorFileFormat.MISP_WARNINGLIST;
            }
            if (MispEventReader.isEvent(root)
                    || root.path("response").isArray()
                    || root.isArray() && root.size() > 0 && MispEventReader.isEvent(root.get(0))) {
                return IndicatorFileFormat.MISP_EVENT;
            }
            if (MispFeedReader.isManifest(root)) {
                throw new IndicatorFormatException(
                        "this is a MISP feed manifest: import the feed directory or URL, " + "not manifest.json alone");
            }
            throw new IndicatorFormatException(
                    "JSON file is neither a STIX 2.1 bundle, a MISP event nor a MISP " + "warninglist");
        }
        for (int k = i; k < Math.min(content.length, i + 4096); k++) {
            if (content[k] == 0) {
                throw new IndicatorFormatException("binary content: not an indicator file");
            }
        }
        return looksLikeCsv(new String(content, StandardCharsets.UTF_8))
                ? IndicatorFileFormat.CSV
                : IndicatorFileFormat.PLAIN_LIST;
    }

    private static boolean looksLikeCsv(String text) {
        String lastComment = null;
        int scanned = 0;
        for (String line : text.lines().limit(200).toList()) {
            scanned++;
            String t = PlainListReader.stripBom(line).trim();
            if (t.isEmpty()) {
                continue;
            }
            if (t.startsWith("#")) {
                lastComment = t.substring(1).trim();
                continue;
            }
            return CsvIndicatorReader.isHeader(t)
                    || lastComment != null && lastComment.indexOf(',') > 0 && CsvIndicatorReader.isHeader(lastComment);
        }
        return scanned > 0
                && lastComment != null
                && lastComment.indexOf(',') > 0
                && CsvIndicatorReader.isHeader(lastComment);
    }

    private static InputStreamReader reader(byte[] bytes) {
        return new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
    }

    private static byte[] unpack(byte[] content, long maxBytes) throws IOException {
        if (content.length > maxBytes) {
            throw new IndicatorFormatException("input is " + content.length + " bytes, over the limit of " + maxBytes);
        }
        if (content.length >= 2 && (content[0] & 0xff) == 0x1f && (content[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
                return readLimited(in, maxBytes, "gzip content");
            }
        }
        return content;
    }

    /** Reads {@code in} to the end, refusing more than {@code maxBytes}. */
    static byte[] readLimited(InputStream in, long maxBytes, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        long total = 0;
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            total += n;
            if (total > maxBytes) {
                throw new IndicatorFormatException(name + " is over the limit of " + maxBytes + " bytes");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}

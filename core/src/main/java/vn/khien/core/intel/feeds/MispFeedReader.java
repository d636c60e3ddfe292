package vn.khien.core.intel.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a MISP feed: {@code manifest.json} lists the events by uuid with their timestamps, and each
 * {@code <uuid>.json} holds one event that {@link MispEventReader} reads. An event file that is missing,
 * too large or not an event becomes one rejection whose element is {@code <uuid>.json}; the other events
 * are still read. Element pointers of attributes are prefixed with the event file name.
 */
public final class MispFeedReader {
    private MispFeedReader() {}

    /**
     * Reads every event of the feed in {@code dir} whose manifest {@code timestamp} is after
     * {@code changedAfter} (all events when {@code null}), each event file at most {@code maxEventBytes}.
     * Throws {@link IndicatorFormatException} when the manifest is missing or is not a MISP manifest.
     */
    public static IndicatorImport read(
            FeedDirectory dir, String source, @Nullable Instant changedAfter, long maxEventBytes) throws IOException {
        JsonNode manifest;
        try (InputStream in = dir.open("manifest.json")) {
            manifest = Json.parse(IndicatorFiles.readLimited(in, maxEventBytes, "manifest.json"), "MISP feed manifest");
        } catch (NoSuchFileException e) {
            throw new IndicatorFormatException("not a MISP feed: no manifest.json", e);
        }
        if (!isManifest(manifest)) {
            throw new IndicatorFormatException("not a MISP feed manifest: expected an object of event uuids, "
                    + "each with \"info\" or \"timestamp\"");
        }
        IndicatorCollector c = new IndicatorCollector(source);
        for (Map.Entry<String, JsonNode> entry : manifest.properties()) {
            String uuid = entry.getKey();
            String file = uuid + ".json";
            Instant changed = Json.instant(entry.getValue().get("timestamp"));
            if (changedAfter != null && changed != null && !changed.isAfter(changedAfter)) {
                continue;
            }
            if (!uuid.matches("[0-9a-fA-F-]{1,64}")) {
                c.read();
                c.reject(0, "/" + Json.pointer(uuid), "manifest key is not an event uuid");
                continue;
            }
            JsonNode event;
            try (InputStream in = dir.open(file)) {
                event = Json.parse(IndicatorFiles.readLimited(in, maxEventBytes, file), "MISP event");
            } catch (NoSuchFileException e) {
                c.read();
                c.reject(0, file, "event file listed in manifest.json is missing");
                continue;
            } catch (IOException e) {
                c.read();
                c.reject(0, file, "event cannot be read: " + e.getMessage());
                continue;
            }
            if (!MispEventReader.readEvent(event, file, c)) {
                c.read();
                c.reject(0, file, "file is not a MISP event");
            }
        }
        return c.result();
    }

    /** Whether {@code node} looks like a MISP feed manifest: uuid keys mapping to event summaries. */
    static boolean isManifest(JsonNode node) {
        if (!node.isObject() || node.isEmpty()) {
            return node.isObject();
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            if (!v.isObject() || !(v.has("info") || v.has("timestamp"))) {
                return false;
            }
        }
        return true;
    }
}

package vn.khien.core.intel.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A read-only folder of named files, such as a MISP feed ({@code manifest.json} plus one
 * {@code <uuid>.json} per event): a directory on disk, or the app's HTTP fetcher for a feed URL.
 */
@FunctionalInterface
public interface FeedDirectory {
    /**
     * Opens the file {@code name} (a plain file name, no path separators); throws
     * {@link NoSuchFileException} when it does not exist.
     */
    InputStream open(String name) throws IOException;

    /** A directory on the local file system; names that would leave it are refused. */
    static FeedDirectory of(Path root) {
        return name -> {
            if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals("..")) {
                throw new NoSuchFileException(name, null, "not a plain file name");
            }
            return Files.newInputStream(root.resolve(name));
        };
    }
}

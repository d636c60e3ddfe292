package vn.khien.core.intel.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.khien.core.intel.Indicator;

/**
 * A set of {@link Warninglist}s consulted together: an indicator is suppressed when any list matches it.
 * {@link #defaults()} is the small set Khiên ships (private and special ranges, public resolvers, top
 * domains, empty-file hashes); a province adds its own lists with {@link #with(Warninglist)}. Immutable and
 * thread-safe.
 */
public final class Warninglists {
    private static final String RESOURCES = "/vn/khien/core/intel/warninglists/";
    private static final List<String> DEFAULT_FILES =
            List.of("special-ranges.json", "public-resolvers.json", "top-domains.json", "empty-hashes.json");

    private final List<Warninglist> lists;

    private Warninglists(List<Warninglist> lists) {
        this.lists = List.copyOf(lists);
    }

    public static Warninglists of(List<Warninglist> lists) {
        return new Warninglists(lists);
    }

    /** The lists shipped in {@code vn/khien/core/intel/warninglists/}. */
    public static Warninglists defaults() {
        List<Warninglist> out = new ArrayList<>();
        for (String file : DEFAULT_FILES) {
            try (InputStream in = Warninglists.class.getResourceAsStream(RESOURCES + file)) {
                if (in == null) {
                    throw new IllegalStateException("missing bundled warninglist " + file);
                }
                out.add(Warninglist.parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("bundled warninglist " + file + " cannot be read", e);
            }
        }
        return new Warninglists(out);
    }

    /** These lists plus {@code list}. */
    public Warninglists with(Warninglist list) {
        List<Warninglist> out = new ArrayList<>(lists);
        out.add(list);
        return new Warninglists(out);
    }

    public List<Warninglist> lists() {
        return lists;
    }

    /** The first list that marks {@code indicator} as known-benign, if any. */
    public Optional<Warninglist> match(Indicator indicator) {
        for (Warninglist l : lists) {
            if (l.matches(indicator)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}

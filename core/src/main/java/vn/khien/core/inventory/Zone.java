package vn.khien.core.inventory;

import java.util.Locale;
import java.util.Optional;

/** The network zone an endpoint sits in (DOMAIN.md §2); only ISOLATED_LAN and NONE may hold state secrets. */
public enum Zone {
    /** Connected to the Internet. */
    INTERNET,
    /** Connected to CPNet, the special-purpose data network of Party and State bodies. */
    CPNET,
    /** An independent LAN with no outside link (mạng LAN độc lập). */
    ISOLATED_LAN,
    /** Stand-alone, connected to no network. */
    NONE;

    /** Whether a machine in this zone may draft or store state-secret documents (DOMAIN.md §8). */
    public boolean allowsStateSecrets() {
        return this == ISOLATED_LAN || this == NONE;
    }

    /** Whether this zone reaches beyond the unit: the Internet or CPNet. */
    public boolean isNetworked() {
        return this == INTERNET || this == CPNET;
    }

    /** Parses a zone name case-insensitively, accepting {@code -} or space for {@code _}. */
    public static Optional<Zone> parse(String text) {
        String s = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Zone z : values()) {
            if (z.name().equals(s)) {
                return Optional.of(z);
            }
        }
        return Optional.empty();
    }
}

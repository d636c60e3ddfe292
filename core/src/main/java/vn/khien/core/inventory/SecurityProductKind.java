package vn.khien.core.inventory;

import java.util.Optional;

/** What a security product does, as far as compliance rules care. */
public enum SecurityProductKind {
    ANTIVIRUS,
    EDR,
    FIREWALL,
    ANTISPYWARE;

    /** Parses Windows Security Center's type names ({@code Antivirus}, {@code Firewall}, {@code Antispyware}) and ours. */
    public static Optional<SecurityProductKind> parse(String text) {
        String s = Strings.fold(text);
        switch (s) {
            case "antivirus", "av", "anti virus", "chong virus", "diet virus":
                return Optional.of(ANTIVIRUS);
            case "edr", "endpoint detection and response":
                return Optional.of(EDR);
            case "firewall", "tuong lua":
                return Optional.of(FIREWALL);
            case "antispyware", "anti spyware":
                return Optional.of(ANTISPYWARE);
            default:
                return Optional.empty();
        }
    }
}

package vn.khien.core.inventory;

import java.util.Optional;

/** The fields an antivirus/EDR console CSV column can map to, by their key in a profile ({@code av.running}). */
public enum AvField {
    HOSTNAME("hostname"),
    IP("ip"),
    MAC("mac"),
    OS("os"),
    LAST_SEEN("lastSeen"),
    AV_NAME("av.name"),
    AV_VERSION("av.version"),
    AV_RUNNING("av.running"),
    AV_ENABLED("av.enabled"),
    AV_SIGNATURE_DATE("av.signatureDate"),
    AV_SIGNATURES_CURRENT("av.signaturesUpToDate"),
    EDR_NAME("edr.name"),
    EDR_VERSION("edr.version"),
    EDR_RUNNING("edr.running"),
    EDR_ENABLED("edr.enabled"),
    /** A column the profile knows and deliberately ignores (group, risk level, ...), so it is not reported. */
    IGNORE("ignore");

    private final String key;

    AvField(String key) {
        this.key = key;
    }

    /** The key used in profile files. */
    public String key() {
        return key;
    }

    boolean isAntivirus() {
        return key.startsWith("av.");
    }

    boolean isEdr() {
        return key.startsWith("edr.");
    }

    public static Optional<AvField> byKey(String key) {
        for (AvField f : values()) {
            if (f.key.equals(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}

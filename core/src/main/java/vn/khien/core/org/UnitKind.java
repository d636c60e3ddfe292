package vn.khien.core.org;

import java.util.Locale;
import java.util.Optional;
import vn.khien.core.ingest.Headers;

/** Kinds of unit in a province's tree, with the Vietnamese words used for them in spreadsheets. */
public enum UnitKind {
    /** Tỉnh / thành phố trực thuộc trung ương. */
    PROVINCE("Tỉnh", "tinh", "thanh pho truc thuoc trung uong", "ubnd tinh"),
    /** Sở, ban, ngành. */
    DEPARTMENT("Sở, ban, ngành", "so", "ban", "nganh", "so ban nganh", "department"),
    /** Xã. */
    COMMUNE("Xã", "xa", "dac khu", "commune"),
    /** Phường. */
    WARD("Phường", "phuong", "ward"),
    /** Cơ quan trung ương đóng trên địa bàn. */
    CENTRAL_AGENCY("Cơ quan trung ương", "co quan trung uong", "central agency", "central"),
    /** Đơn vị trực thuộc: phòng, trung tâm, chi cục. */
    SUB_UNIT("Đơn vị trực thuộc", "don vi truc thuoc", "phong", "trung tam", "chi cuc", "sub unit", "subunit");

    private final String vietnamese;
    private final String[] aliases;

    UnitKind(String vietnamese, String... aliases) {
        this.vietnamese = vietnamese;
        this.aliases = aliases;
    }

    public String vietnamese() {
        return vietnamese;
    }

    /** Reads the enum name or one of its Vietnamese or English words, ignoring case and diacritics. */
    public static Optional<UnitKind> parse(String text) {
        String folded = Headers.fold(text);
        for (UnitKind k : values()) {
            if (k.name().toLowerCase(Locale.ROOT).replace('_', ' ').equals(folded)
                    || Headers.fold(k.vietnamese).equals(folded)) {
                return Optional.of(k);
            }
            for (String a : k.aliases) {
                if (a.equals(folded)) {
                    return Optional.of(k);
                }
            }
        }
        return Optional.empty();
    }
}

package vn.khien.core.org;

import java.util.Locale;
import java.util.Optional;
import vn.khien.core.ingest.Headers;

/** What a person does in the province's cybersecurity work (DOMAIN.md §2), and what a login may do. */
public enum Role {
    /** Quản trị hệ thống: manages logins, keys and settings of Khiên itself. */
    ADMIN("Quản trị hệ thống", "quan tri he thong", "quan tri", "administrator"),
    /** Điều phối cấp tỉnh: the province's cybersecurity team. */
    COORDINATOR("Điều phối cấp tỉnh", "dieu phoi cap tinh", "dieu phoi", "province coordinator"),
    /** Công an tỉnh (PA05). */
    POLICE("Công an (PA05)", "cong an", "cong an pa05", "pa05", "police cyber unit", "police"),
    /** Thành viên đội ứng cứu sự cố. */
    RESPONDER("Đội ứng cứu sự cố", "doi ung cuu su co", "ung cuu su co", "ung cuu", "responder"),
    /** Cán bộ phụ trách CNTT. */
    IT_OFFICER("Cán bộ phụ trách CNTT", "can bo phu trach cntt", "phu trach cntt", "it officer", "unit it officer"),
    /** Thủ trưởng đơn vị. */
    UNIT_HEAD("Thủ trưởng đơn vị", "thu truong don vi", "thu truong", "unit head", "head"),
    /** Cán bộ, công chức, viên chức. */
    STAFF("Cán bộ, công chức", "can bo cong chuc", "can bo", "cong chuc", "vien chuc", "staff"),
    /** Thanh tra, kiểm tra: read-only. */
    AUDITOR("Thanh tra (chỉ xem)", "thanh tra", "kiem tra", "auditor");

    private final String vietnamese;
    private final String[] aliases;

    Role(String vietnamese, String... aliases) {
        this.vietnamese = vietnamese;
        this.aliases = aliases;
    }

    public String vietnamese() {
        return vietnamese;
    }

    /** Whether holders see the whole province rather than their own unit's subtree. */
    public boolean provinceWide() {
        return this == ADMIN || this == COORDINATOR || this == POLICE || this == RESPONDER || this == AUDITOR;
    }

    /** Whether holders must use a second factor to sign in. */
    public boolean requiresMfa() {
        return this == ADMIN || this == COORDINATOR;
    }

    /** Reads the enum name or a Vietnamese or English word for it, ignoring case and diacritics. */
    public static Optional<Role> parse(String text) {
        String folded = Headers.fold(text);
        for (Role r : values()) {
            if (r.name().toLowerCase(Locale.ROOT).replace('_', ' ').equals(folded)
                    || Headers.fold(r.vietnamese).equals(folded)) {
                return Optional.of(r);
            }
            for (String a : r.aliases) {
                if (a.equals(folded)) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }
}

package vn.khien.app.incidents;

import java.util.Set;

/** Where an incident is in its workflow (trạng thái xử lý). */
public enum IncidentStatus {
    NEW("Mới tiếp nhận"),
    TRIAGED("Đã phân loại"),
    RESPONDING("Đang ứng cứu"),
    RESOLVED("Đã xử lý xong"),
    CLOSED("Đã đóng");

    private final String vietnamese;

    IncidentStatus(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    public String vietnamese() {
        return vietnamese;
    }

    /** The statuses this one may move to; every other move is refused. */
    public Set<IncidentStatus> next() {
        return switch (this) {
            case NEW -> Set.of(TRIAGED, CLOSED);
            case TRIAGED -> Set.of(RESPONDING, CLOSED);
            case RESPONDING -> Set.of(RESOLVED);
            case RESOLVED -> Set.of(CLOSED, RESPONDING);
            case CLOSED -> Set.of();
        };
    }

    public boolean open() {
        return this != RESOLVED && this != CLOSED;
    }
}

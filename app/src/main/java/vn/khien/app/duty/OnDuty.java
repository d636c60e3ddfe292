package vn.khien.app.duty;

import org.jspecify.annotations.Nullable;

/**
 * Who to page for a team at one instant: the primary, then the backup, then the team lead (người phụ trách).
 * Any of them may be missing when the roster has a gap.
 */
public record OnDuty(
        DutyTeam team, @Nullable Shift primary, @Nullable Shift backup) {
    public @Nullable Long primaryId() {
        return primary == null ? null : primary.personId();
    }

    public @Nullable Long backupId() {
        return backup == null ? null : backup.personId();
    }

    public @Nullable Long leadId() {
        return team.leadPersonId();
    }
}

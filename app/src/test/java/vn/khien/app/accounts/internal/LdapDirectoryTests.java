package vn.khien.app.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LdapDirectoryTests {
    @Test
    void convertsActiveDirectoryFileTimes() {
        // 2026-01-01T00:00:00Z as a Windows FILETIME (100 ns ticks since 1601-01-01)
        long ticks = (Instant.parse("2026-01-01T00:00:00Z").toEpochMilli() + 11_644_473_600_000L) * 10_000;
        assertThat(LdapDirectory.fileTime(ticks)).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(LdapDirectory.fileTime(0L)).isNull();
        assertThat(LdapDirectory.fileTime(Long.MAX_VALUE)).isNull();
        assertThat(LdapDirectory.fileTime(null)).isNull();
    }

    @Test
    void readsGeneralizedTimes() {
        assertThat(LdapDirectory.generalized("20250101000000Z")).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(LdapDirectory.generalized("20250101000000.0Z")).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(LdapDirectory.generalized("garbage")).isNull();
    }
}

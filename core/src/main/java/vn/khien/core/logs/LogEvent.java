package vn.khien.core.logs;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One log line of any supported format, normalised to what detection needs: who (source address), when,
 * and what they reached (domain, destination address and port, URL, file hash). Fields a format does not
 * carry are {@code null}.
 *
 * @param line 1-based line number in the input
 * @param time when it happened, in UTC, if the line says
 * @param kind what the line records
 * @param sourceIp the client address (the official machine, usually)
 * @param domain queried or visited host name, lower case, no trailing dot
 * @param destinationIp address contacted
 * @param destinationPort port contacted, or 0
 * @param url full URL for proxy/HTTP lines
 * @param fileHash a file hash the line reports (Suricata fileinfo, CEF fileHash)
 * @param raw the original line (kept for evidence; callers bound how many they store)
 */
public record LogEvent(
        long line,
        @Nullable Instant time,
        Kind kind,
        @Nullable String sourceIp,
        @Nullable String domain,
        @Nullable String destinationIp,
        int destinationPort,
        @Nullable String url,
        @Nullable String fileHash,
        String raw) {

    /** The kind of activity a log line records. */
    public enum Kind {
        DNS_QUERY,
        DNS_ANSWER,
        CONNECTION,
        HTTP,
        TLS,
        FIREWALL,
        ALERT,
        FILE
    }
}

package vn.khien.app.detection;

import java.time.Instant;

/**
 * A log line came from a machine the inventory marks as handling state secrets (SECRET-ZONE evidence). Published
 * at most once per endpoint per pipeline flush, inside the flush's transaction.
 *
 * @param endpointId the inventory endpoint
 * @param sourceIp the address the line came from
 * @param logSource the log source the line arrived in (its name)
 * @param firstSeen when the earliest such line of the flush happened
 */
public record SecretMachineSeen(long endpointId, String sourceIp, String logSource, Instant firstSeen) {}

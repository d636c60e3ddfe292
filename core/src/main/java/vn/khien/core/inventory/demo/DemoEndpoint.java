package vn.khien.core.inventory.demo;

import vn.khien.core.inventory.Zone;

/**
 * One generated endpoint and the classification an officer would give it (zone, state secrets, server), which the
 * demo applies after importing, since no agent reports it.
 *
 * @param hostIdentifier osquery's host identifier (the machine UUID)
 * @param console the AV console profile id whose CSV lists the machine
 */
public record DemoEndpoint(
        String hostIdentifier,
        String hostname,
        String unitCode,
        String ip,
        Zone zone,
        boolean handlesStateSecrets,
        boolean server,
        String console) {}

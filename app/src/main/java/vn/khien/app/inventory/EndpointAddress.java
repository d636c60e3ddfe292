package vn.khien.app.inventory;

import org.jspecify.annotations.Nullable;

/**
 * The endpoint an IP address belongs to, as other modules need it to attribute log lines to a machine.
 *
 * @param ip the address asked for
 * @param endpointId the endpoint (shown at {@code /endpoints/{id}})
 * @param name the host name, else Khiên's host key
 * @param unitId the unit owning the endpoint, when assigned
 * @param zone INTERNET, CPNET, ISOLATED_LAN or NONE, or null when not yet classified
 * @param handlesSecrets whether the machine is marked as handling state secrets
 */
public record EndpointAddress(
        String ip,
        long endpointId,
        String name,
        @Nullable Long unitId,
        @Nullable String zone,
        boolean handlesSecrets) {}

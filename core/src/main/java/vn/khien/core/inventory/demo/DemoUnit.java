package vn.khien.core.inventory.demo;

import java.util.Objects;

/**
 * A unit the demo spreads endpoints over.
 *
 * @param code the unit code, also the prefix of its machines' host names
 * @param name the unit's name
 * @param ipRange an IPv4 range in CIDR form ({@code 10.20.1.0/24}) its machines take addresses from
 * @param commune whether it is a commune/ward (xã, phường): some communes get no EDR in the demo
 */
public record DemoUnit(String code, String name, String ipRange, boolean commune) {
    public DemoUnit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ipRange, "ipRange");
        if (!code.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,31}")) {
            throw new IllegalArgumentException("unit code '" + code + "' must be letters, digits, '_' or '-'");
        }
        if (!ipRange.matches("\\d{1,3}(\\.\\d{1,3}){3}/(1[6-9]|2[0-9])")) {
            throw new IllegalArgumentException("IP range '" + ipRange + "' must be an IPv4 CIDR between /16 and /29");
        }
    }
}

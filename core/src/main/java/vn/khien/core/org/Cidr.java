package vn.khien.core.org;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network in CIDR notation whose host bits are zero, as PostgreSQL's {@code cidr} type
 * requires. A bare address is taken as a host network ({@code /32} or {@code /128}).
 *
 * @param address the canonical network address
 * @param prefix the prefix length
 * @param ipv6 whether this is an IPv6 network
 */
public record Cidr(String address, int prefix, boolean ipv6) {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    public Cidr {
        Objects.requireNonNull(address, "address");
        if (prefix < 0 || prefix > (ipv6 ? 128 : 32)) {
            throw new IllegalArgumentException("prefix out of range: " + prefix);
        }
    }

    /** Parses {@code 10.12.0.0/16}, {@code 2001:db8::/32} or a single address; rejects host bits set. */
    public static Cidr parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        String addr = slash < 0 ? s : s.substring(0, slash);
        byte[] bytes = literal(addr, text);
        int max = bytes.length * 8;
        int prefix = max;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a prefix length in '" + text + "'");
            }
            if (prefix < 0 || prefix > max) {
                throw new IllegalArgumentException("prefix length must be 0.." + max + " in '" + text + "'");
            }
        }
        BigInteger value = new BigInteger(1, bytes);
        BigInteger hostMask = BigInteger.ONE.shiftLeft(max - prefix).subtract(BigInteger.ONE);
        if (!value.and(hostMask).equals(BigInteger.ZERO)) {
            byte[] network = toBytes(value.andNot(hostMask), bytes.length);
            throw new IllegalArgumentException(
                    "'" + text + "' has host bits set; did you mean " + format(network) + "/" + prefix + "?");
        }
        return new Cidr(format(bytes), prefix, bytes.length == 16);
    }

    private static byte[] literal(String addr, String original) {
        if (IPV4.matcher(addr).matches()) {
            String[] parts = addr.split("\\.");
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(parts[i]);
                if (octet > 255) {
                    throw new IllegalArgumentException("not an IP address: '" + original + "'");
                }
                b[i] = (byte) octet;
            }
            return b;
        }
        // Only strings made of hex digits and colons reach InetAddress, which then never does a DNS lookup.
        if (addr.indexOf(':') >= 0 && IPV6_CHARS.matcher(addr).matches()) {
            try {
                byte[] b = InetAddress.getByName(addr).getAddress();
                if (b.length == 16) {
                    return b;
                }
            } catch (UnknownHostException e) {
                // falls through to the error below
            }
        }
        throw new IllegalArgumentException("not an IP address or network: '" + original + "'");
    }

    private static byte[] toBytes(BigInteger v, int len) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[len];
        int copy = Math.min(raw.length, len);
        System.arraycopy(raw, raw.length - copy, out, len - copy, copy);
        return out;
    }

    private static String format(byte[] b) {
        try {
            return InetAddress.getByAddress(b).getHostAddress().replaceAll("(^|:)0(:0)+(:|$)", "::");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return address + "/" + prefix;
    }
}

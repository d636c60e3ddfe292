package vn.khien.core.intel;

/** Kinds of indicator of compromise Khiên stores and matches. */
public enum IndicatorType {
    IPV4,
    IPV6,
    /** An IPv4 or IPv6 network in CIDR notation. */
    CIDR,
    DOMAIN,
    URL,
    MD5,
    SHA1,
    SHA256,
    EMAIL
}

package vn.khien.core.logs;

/** Log formats Khiên reads; {@code auto} on the command line picks one from the first lines. */
public enum LogFormat {
    BIND,
    DNSMASQ,
    UNBOUND,
    WINDOWS_DNS,
    ZEEK_DNS,
    ZEEK_CONN,
    ZEEK_HTTP,
    SURICATA,
    SQUID,
    IPTABLES,
    CEF
}

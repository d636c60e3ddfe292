package vn.khien.app.detection;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The syslog receiver ({@code khien.syslog.*}); off unless a port is set.
 *
 * @param udpPort UDP port to listen on; unset for none, 0 for any free port
 * @param tcpPort TCP port to listen on (newline framing or RFC 6587 octet counting); unset for none
 * @param bindAddress address to listen on
 * @param format log format of the messages ({@code auto} detects it per sender from its first lines)
 * @param queueCapacity lines held between the receivers and the parser; when full TCP stops reading and UDP
 *     drops (counted)
 */
@ConfigurationProperties("khien.syslog")
public record SyslogProperties(
        @Nullable Integer udpPort,
        @Nullable Integer tcpPort,
        @DefaultValue("0.0.0.0") String bindAddress,
        @DefaultValue("auto") String format,
        @DefaultValue("100000") int queueCapacity) {}

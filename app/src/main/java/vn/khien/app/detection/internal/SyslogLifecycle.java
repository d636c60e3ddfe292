package vn.khien.app.detection.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import vn.khien.app.detection.SyslogProperties;

/** Starts the syslog receiver with the application when {@code khien.syslog.udp-port} or {@code tcp-port} is set. */
@Component
class SyslogLifecycle implements SmartLifecycle {
    private final Pipeline pipeline;
    private final SyslogProperties props;
    private @Nullable SyslogServer server;

    SyslogLifecycle(Pipeline pipeline, SyslogProperties props) {
        this.pipeline = pipeline;
        this.props = props;
    }

    @Override
    public synchronized void start() {
        if (props.udpPort() == null && props.tcpPort() == null) {
            return;
        }
        SyslogServer s = new SyslogServer(pipeline, props);
        try {
            s.start();
        } catch (IOException e) {
            s.close();
            throw new UncheckedIOException("cannot open the syslog ports: " + e.getMessage(), e);
        }
        server = s;
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }
}

package vn.khien.app.detection.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.khien.app.detection.SyslogProperties;
import vn.khien.core.ingest.ImportReport;
import vn.khien.core.logs.LogFormat;

/**
 * A syslog receiver on UDP and/or TCP feeding the detection {@link Pipeline}.
 *
 * <p>Implementation notes: receivers put lines into one bounded queue; one worker drains it in batches,
 * groups the lines by sender (each sender is a log source {@code syslog:<address>} with its own format,
 * detected from its first lines unless configured), parses each group with the core parser, and flushes the
 * tallies and counters after each batch. When the queue is full a TCP connection blocks in {@code put}, so it
 * stops reading and TCP flow control slows the sender (no loss); a UDP datagram cannot be held back, so it is
 * dropped and counted against its sender. TCP frames are newline-terminated or RFC 6587 octet-counted
 * ({@code <length> <message>}), told apart by the first byte of each frame.
 */
public final class SyslogServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SyslogServer.class);
    private static final int MAX_FRAME = 64 * 1024;
    private static final int BATCH = 20_000;

    private record Line(String sender, String text) {}

    private final Pipeline pipeline;
    private final SyslogProperties props;
    private final @Nullable LogFormat configuredFormat;
    private final BlockingQueue<Line> queue;
    private final Map<String, AtomicLong> udpDrops = new ConcurrentHashMap<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong received = new AtomicLong();
    private volatile boolean running;
    private @Nullable ServerSocket tcp;
    private @Nullable DatagramSocket udp;

    public SyslogServer(Pipeline pipeline, SyslogProperties props) {
        this.pipeline = pipeline;
        this.props = props;
        this.configuredFormat = Pipeline.format(props.format());
        this.queue = new ArrayBlockingQueue<>(Math.max(1_000, props.queueCapacity()));
    }

    /** Opens the configured ports and starts the receivers and the worker. */
    public synchronized void start() throws IOException {
        running = true;
        InetAddress bind = InetAddress.getByName(props.bindAddress());
        if (props.tcpPort() != null) {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(bind, props.tcpPort()), 50);
            tcp = s;
            thread("khien-syslog-tcp", this::acceptLoop);
            log.info("Syslog TCP receiver on {}:{}", props.bindAddress(), s.getLocalPort());
        }
        if (props.udpPort() != null) {
            DatagramSocket d = new DatagramSocket(new InetSocketAddress(bind, props.udpPort()));
            d.setReceiveBufferSize(4 * 1024 * 1024);
            udp = d;
            thread("khien-syslog-udp", this::udpLoop);
            log.info("Syslog UDP receiver on {}:{}", props.bindAddress(), d.getLocalPort());
        }
        thread("khien-syslog-worker", this::work);
    }

    public int tcpPort() {
        return tcp == null ? -1 : tcp.getLocalPort();
    }

    public int udpPort() {
        return udp == null ? -1 : udp.getLocalPort();
    }

    /** Lines received so far (all protocols), including those not yet parsed. */
    public long received() {
        return received.get();
    }

    /** Lines waiting in the queue. */
    public int queued() {
        return queue.size();
    }

    private void thread(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void acceptLoop() {
        ServerSocket s = tcp;
        while (running && s != null) {
            try {
                Socket c = s.accept();
                connections.add(c);
                thread("khien-syslog-conn", () -> readConnection(c));
            } catch (IOException e) {
                if (running) {
                    log.warn("Syslog TCP accept failed: {}", e.getMessage());
                }
            }
        }
    }

    private void readConnection(Socket c) {
        String sender = c.getInetAddress().getHostAddress();
        try (c;
                InputStream in = c.getInputStream()) {
            SyslogFrames frames = new SyslogFrames(in, MAX_FRAME);
            String msg;
            while (running && (msg = frames.next()) != null) {
                if (!msg.isEmpty()) {
                    received.incrementAndGet();
                    // blocks while the queue is full: TCP stops reading and the sender is slowed, nothing is lost
                    queue.put(new Line(sender, SyslogMessages.strip(msg)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            if (running) {
                log.debug("Syslog connection from {} ended: {}", sender, e.getMessage());
            }
        } finally {
            connections.remove(c);
        }
    }

    private void udpLoop() {
        DatagramSocket d = udp;
        byte[] buf = new byte[MAX_FRAME];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        while (running && d != null) {
            try {
                p.setLength(buf.length);
                d.receive(p);
                String sender = p.getAddress().getHostAddress();
                String text = new String(p.getData(), p.getOffset(), p.getLength(), StandardCharsets.UTF_8);
                for (String line : text.split("\n")) {
                    String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                    if (l.isEmpty()) {
                        continue;
                    }
                    received.incrementAndGet();
                    if (!queue.offer(new Line(sender, SyslogMessages.strip(l)))) {
                        udpDrops.computeIfAbsent(sender, k -> new AtomicLong()).incrementAndGet();
                    }
                }
            } catch (SocketException e) {
                if (running) {
                    log.warn("Syslog UDP receive failed: {}", e.getMessage());
                }
            } catch (IOException e) {
                log.warn("Syslog UDP receive failed: {}", e.getMessage());
            }
        }
    }

    private void work() {
        Map<String, Pipeline.Session> sessions = new HashMap<>();
        Map<String, List<String>> pending = new HashMap<>();
        List<Line> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Line first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    flushDrops(sessions);
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                for (Line l : batch) {
                    pending.computeIfAbsent(l.sender(), k -> new ArrayList<>()).add(l.text());
                }
                batch.clear();
                for (Map.Entry<String, List<String>> e : pending.entrySet()) {
                    if (!e.getValue().isEmpty()) {
                        process(sessions, e.getKey(), e.getValue());
                        e.getValue().clear();
                    }
                }
                flushDrops(sessions);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Syslog batch failed; its lines are counted as malformed", e);
            }
        }
    }

    private void process(Map<String, Pipeline.Session> sessions, String sender, List<String> lines) {
        Pipeline.Session s = sessions.get(sender);
        if (s == null) {
            LogFormat f = configuredFormat;
            if (f == null) {
                f = pipeline.detect(lines.subList(0, Math.min(50, lines.size())))
                        .orElse(null);
            }
            if (f == null) {
                // not recognised yet: count the lines as malformed under a format-less source
                Pipeline.Session unknown = pipeline.open("syslog:" + sender, "SYSLOG", null);
                unknown.counted(lines.size(), lines.size());
                unknown.flush();
                return;
            }
            s = pipeline.open("syslog:" + sender, "SYSLOG", f);
            s.format = f;
            sessions.put(sender, s);
        }
        StringBuilder sb = new StringBuilder(lines.size() * 100);
        for (String l : lines) {
            sb.append(l.replace('\n', ' ')).append('\n');
        }
        ImportReport r;
        try {
            r = pipeline.parser(s.format)
                    .parse(new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)), s::accept);
        } catch (IOException e) {
            s.counted(lines.size(), lines.size());
            s.flush();
            return;
        }
        // blank lines and comments are not read by the parsers; every line received still counts
        s.counted(lines.size(), r.rejected());
        s.flush();
    }

    private void flushDrops(Map<String, Pipeline.Session> sessions) {
        for (Map.Entry<String, AtomicLong> e : udpDrops.entrySet()) {
            long n = e.getValue().getAndSet(0);
            if (n > 0) {
                Pipeline.Session s =
                        sessions.computeIfAbsent(e.getKey(), k -> pipeline.open("syslog:" + k, "SYSLOG", null));
                s.dropped(n);
                s.flush();
            }
        }
    }

    /** Stops receiving, lets the worker drain the queue, and closes every socket. */
    @Override
    public synchronized void close() {
        running = false;
        try {
            if (tcp != null) {
                tcp.close();
            }
        } catch (IOException e) {
            log.debug("closing syslog TCP: {}", e.getMessage());
        }
        if (udp != null) {
            udp.close();
        }
        for (Socket c : connections) {
            try {
                c.close();
            } catch (IOException e) {
                log.debug("closing syslog connection: {}", e.getMessage());
            }
        }
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

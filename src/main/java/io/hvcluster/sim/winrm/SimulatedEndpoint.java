package io.hvcluster.sim.winrm;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One simulated Windows host's WinRM endpoint: {@code http(s)://127.0.0.1:PORT/wsman}, served by the JDK's
 * HTTP server. It can refuse connections and reboot (the listening socket closes, open connections drop, all
 * shells are forgotten, and after the configured downtime it listens again on the same port with a new boot
 * time).
 */
public final class SimulatedEndpoint implements AutoCloseable {

    static {
        // The JDK server writes response headers and body in two TCP segments; with Nagle on, the body waits
        // for the client's delayed ACK (~40 ms per request on Linux loopback, measured: create+delete 100 ms ->
        // 28 ms). The server reads this switch once, when the first HttpServer is created, and no public API
        // sets TCP_NODELAY per server. Only the simulator runs a com.sun.net.httpserver server in hvcluster.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SimulatedHostConfig config;
    private final SimulatorCertificate certificate;
    private final FaultInjection faults = new FaultInjection();
    private final RequestStatistics statistics = new RequestStatistics();
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final ShellRegistry shells;
    private final WsmanHttpHandler handler;
    private final Machine machine;
    private final Object lifecycle = new Object();
    private int port;
    private HttpServer server;
    private boolean refusing;
    private boolean rebooting;
    private boolean closed;

    private SimulatedEndpoint(SimulatedHostConfig config, SimulatorCertificate certificate) {
        this.config = config;
        this.certificate = certificate;
        String name = "sim-" + config.hostName();
        this.workers = Executors.newCachedThreadPool(daemon(name));
        this.timers = Executors.newScheduledThreadPool(1, daemon(name + "-timer"));
        this.shells = new ShellRegistry(config.maxShellsPerUser(), config.idleTimeout(), Clock.systemUTC());
        this.machine = new Machine();
        CommandHandler commands = config.commandHandler().orElseGet(() -> new CmdShell(config.powerShellHost(),
                config.heartbeatInterval(), faults, workers, timers));
        this.handler = new WsmanHttpHandler(config, new WinRsService(config, shells, commands, machine), faults,
                statistics);
    }

    /** Starts listening on 127.0.0.1; with HTTPS a fresh self-signed certificate is made for it. */
    public static SimulatedEndpoint start(SimulatedHostConfig config) {
        return start(config, config.https() ? SimulatorCertificate.generate() : null);
    }

    /** Starts listening, serving HTTPS with {@code certificate} when the config asks for HTTPS. */
    public static SimulatedEndpoint start(SimulatedHostConfig config, SimulatorCertificate certificate) {
        if (config.https() && certificate == null) {
            throw new IllegalArgumentException("HTTPS endpoint " + config.hostName() + " needs a certificate");
        }
        SimulatedEndpoint endpoint = new SimulatedEndpoint(config, config.https() ? certificate : null);
        synchronized (endpoint.lifecycle) {
            endpoint.port = config.port();
            endpoint.listen();
        }
        return endpoint;
    }

    public String hostName() {
        return config.hostName();
    }

    public int port() {
        synchronized (lifecycle) {
            return port;
        }
    }

    /** {@code http://127.0.0.1:PORT/wsman} (or https). */
    public String url() {
        return (config.https() ? "https" : "http") + "://127.0.0.1:" + port() + WsmanHttpHandler.PATH;
    }

    public SimulatedHostConfig config() {
        return config;
    }

    /** The HTTPS certificate, for clients that must trust it. */
    public Optional<SimulatorCertificate> certificate() {
        return Optional.ofNullable(certificate);
    }

    /** Latency and faults to inject, changeable at any time. */
    public FaultInjection faults() {
        return faults;
    }

    public RequestStatistics statistics() {
        return statistics;
    }

    /** The host as command handlers see it (boot count and time). */
    public SimulatedMachine machine() {
        return machine;
    }

    /** Open shells, for tests of quotas and cleanup. */
    public int openShells() {
        return shells.size();
    }

    /**
     * Closes (true) or reopens (false) the listening socket, like a firewall rule or a stopped WinRM service:
     * clients get "connection refused". Shells survive.
     */
    public void refuseConnections(boolean refuse) {
        synchronized (lifecycle) {
            refusing = refuse;
            if (refuse) {
                stopListening();
            } else if (!rebooting && !closed) {
                listen();
            }
        }
    }

    /** Reboots now with the configured downtime; returns at once. */
    public void reboot() {
        rebootAfter(Duration.ZERO);
    }

    /** True while a reboot keeps the endpoint down. */
    public boolean isRebooting() {
        synchronized (lifecycle) {
            return rebooting;
        }
    }

    private void rebootAfter(Duration delay) {
        timers.schedule(this::goDown, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void goDown() {
        synchronized (lifecycle) {
            if (closed || rebooting) {
                return;
            }
            rebooting = true;
            stopListening();
            shells.clear();
            machine.newBoot(Instant.now().plus(config.rebootDowntime()));
        }
        timers.schedule(this::comeBack, config.rebootDowntime().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void comeBack() {
        synchronized (lifecycle) {
            rebooting = false;
            if (!closed && !refusing) {
                listen();
            }
        }
    }

    private void listen() {
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            HttpServer s;
            if (certificate != null) {
                HttpsServer https = HttpsServer.create(address, 64);
                https.setHttpsConfigurator(new HttpsConfigurator(certificate.sslContext()));
                s = https;
            } else {
                s = HttpServer.create(address, 64);
            }
            s.createContext("/", handler);
            s.setExecutor(workers);
            s.start();
            server = s;
            port = s.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("simulated host " + config.hostName() + " cannot listen on 127.0.0.1:"
                    + port + ": " + e.getMessage(), e);
        }
    }

    private void stopListening() {
        if (server != null) {
            // stop(0) closes the listening socket and every open connection, including long polls in progress.
            server.stop(0);
            server = null;
        }
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            stopListening();
            shells.clear();
        }
        timers.shutdownNow();
        workers.shutdownNow();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private final class Machine implements SimulatedMachine {
        private volatile int bootCount = 1;
        private volatile Instant bootTime = Instant.now();

        void newBoot(Instant at) {
            bootTime = at;
            bootCount++;
        }

        @Override
        public String hostName() {
            return config.hostName();
        }

        @Override
        public int bootCount() {
            return bootCount;
        }

        @Override
        public Instant bootTime() {
            return bootTime;
        }

        @Override
        public void scheduleReboot(Duration delay) {
            rebootAfter(delay);
        }
    }
}

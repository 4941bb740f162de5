package io.hvcluster.sim;

import io.hvcluster.exec.winrm.WinRmExecutor;
import io.hvcluster.exec.winrm.WinRmSettings;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.run.ExecutorFactory;
import io.hvcluster.secrets.Secret;
import io.hvcluster.secrets.SecretMasker;
import io.hvcluster.sim.host.DatacenterBuilder;
import io.hvcluster.sim.host.DatacenterStore;
import io.hvcluster.sim.host.Latencies;
import io.hvcluster.sim.host.ScriptOutcome;
import io.hvcluster.sim.host.ScriptRunner;
import io.hvcluster.sim.host.SessionLogon;
import io.hvcluster.sim.host.SimulatedDatacenter;
import io.hvcluster.sim.host.SimulationClock;
import io.hvcluster.sim.winrm.PowerShellHost;
import io.hvcluster.sim.winrm.PowerShellResult;
import io.hvcluster.sim.winrm.SimulatedEndpoint;
import io.hvcluster.sim.winrm.SimulatedHostConfig;
import io.hvcluster.sim.winrm.SimulatedHosts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The simulated cluster as `--simulate` and `simulate` use it: the hosts' model (sim.host) behind one real
 * WinRM endpoint per host (sim.winrm) on 127.0.0.1, reached through the same WinRM executor as real hosts.
 * The model decides when a host restarts; its endpoint then refuses connections until the model says it is
 * back. State is loaded from and saved to a folder, so a second run meets the cluster the first one built.
 */
public final class Simulation implements AutoCloseable {

    /** The simulated domain account's password. It guards nothing real; it exists so the second hop is exercised. */
    private static final Secret PASSWORD = Secret.of("Simulated-Only-P@ss1");

    private final Inventory inventory;
    private final SimulatedDatacenter datacenter;
    private final DatacenterStore store;
    private final SimulatedHosts endpoints;
    private final ScheduledExecutorService reachability;
    private final String user;
    private final Map<String, Boolean> down = new HashMap<>();

    private Simulation(Inventory inventory, SimulatedDatacenter datacenter, DatacenterStore store, Latencies latencies) {
        this.inventory = inventory;
        this.datacenter = datacenter;
        this.store = store;
        String u = inventory.connection().username();
        this.user = u.contains("@") ? u.substring(0, u.indexOf('@')) : u.contains("\\") ? u.substring(u.indexOf('\\') + 1) : u;
        SimulationClock clock = SimulationClock.system();
        ScriptRunner runner = new ScriptRunner(datacenter);
        List<SimulatedHostConfig> configs = new ArrayList<>();
        for (Host h : inventory.hosts()) {
            configs.add(SimulatedHostConfig.builder(h.name())
                    .credentials(user, PASSWORD)
                    .allowUnencrypted(true)
                    .powerShellHost(model(runner, clock, h.name(), latencies))
                    .build());
        }
        this.endpoints = SimulatedHosts.start(configs);
        // Every endpoint starts listening; the sync below only acts on changes from there.
        inventory.hosts().forEach(h -> down.put(h.name(), false));
        this.reachability = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "simulator-reachability");
            t.setDaemon(true);
            return t;
        });
        reachability.scheduleWithFixedDelay(() -> syncReachability(clock), 0, 50, TimeUnit.MILLISECONDS);
    }

    /**
     * @param stateFolder where the simulated hosts' state lives between runs
     * @param fresh       start from freshly installed hosts, ignoring any saved state
     */
    public static Simulation start(Inventory inventory, Path stateFolder, boolean fresh) {
        Latencies latencies = Latencies.fast();
        DatacenterStore store = new DatacenterStore(stateFolder);
        SimulatedDatacenter dc = fresh ? null : store.load(latencies).orElse(null);
        if (dc == null || !dc.hosts.keySet().containsAll(inventory.hosts().stream().map(Host::name).toList())) {
            dc = DatacenterBuilder.fresh(inventory).domainPassword(PASSWORD).build();
            dc.setLatencies(latencies);
        }
        return new Simulation(inventory, dc, store, latencies);
    }

    /** A script reaching a host runs on the model; a restart it asks for is scheduled in the model. */
    private PowerShellHost model(ScriptRunner runner, SimulationClock clock, String host, Latencies latencies) {
        return invocation -> {
            Instant start = clock.now();
            ScriptOutcome outcome;
            synchronized (datacenter) {
                outcome = runner.run(host, invocation.script(), invocation.secrets(),
                        new SessionLogon(invocation.logon().kerberos(), invocation.logon().delegatedCredential()), start);
                outcome.restartAfter().ifPresent(d ->
                        datacenter.scheduleRestart(host, start.plus(outcome.duration()).plus(latencies.shutdownDelay(d))));
            }
            return new PowerShellResult(outcome.stdout(), outcome.stderr(), outcome.exitCode(), outcome.duration());
        };
    }

    private void syncReachability(SimulationClock clock) {
        try {
            Map<String, Boolean> now = new HashMap<>();
            synchronized (datacenter) {
                datacenter.settle(clock.now());
                for (Host h : inventory.hosts()) {
                    now.put(h.name(), datacenter.requireHost(h.name()).down);
                }
            }
            for (Map.Entry<String, Boolean> e : now.entrySet()) {
                if (!e.getValue().equals(down.get(e.getKey()))) {
                    endpoints.endpoint(e.getKey()).ifPresent(ep -> ep.refuseConnections(e.getValue()));
                    down.put(e.getKey(), e.getValue());
                }
            }
        } catch (RuntimeException e) {
            // Keep the loop alive: one bad tick must not freeze every simulated host's reachability.
            org.slf4j.LoggerFactory.getLogger(Simulation.class).warn("simulator reachability check failed: {}", e.toString());
        }
    }

    /** The WinRM executors for the simulated hosts: the same client code as for real hosts, over HTTP with Basic. */
    public ExecutorFactory executors() {
        return host -> {
            SimulatedEndpoint ep = endpoints.endpoint(host.name()).orElseThrow();
            return new WinRmExecutor(new WinRmSettings(host.name(), "127.0.0.1", ep.port(), false, WinRmSettings.Auth.BASIC, user,
                    PASSWORD, false, Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(5), WinRmSettings.Kerberos.defaults()));
        };
    }

    public Secret domainPassword() {
        return PASSWORD;
    }

    public SecretMasker masker() {
        return new SecretMasker(List.of(PASSWORD));
    }

    /** "HV01 http://127.0.0.1:55985/wsman", one per host. */
    public List<String> endpointLines() {
        return endpoints.endpoints().stream().map(e -> e.hostName() + " " + e.url()).toList();
    }

    public String username() {
        return user;
    }

    public SimulatedDatacenter datacenter() {
        return datacenter;
    }

    /** Saves the hosts' state and stops the endpoints. */
    @Override
    public void close() {
        reachability.shutdownNow();
        synchronized (datacenter) {
            store.save(datacenter);
        }
        endpoints.close();
    }
}

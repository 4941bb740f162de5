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
import io.hvcluster.sim.winrm.PowerShellHost;
import io.hvcluster.sim.winrm.PowerShellResult;
import io.hvcluster.sim.winrm.SimulatedEndpoint;
import io.hvcluster.sim.winrm.SimulatedHostConfig;
import io.hvcluster.sim.winrm.SimulatedHosts;
import io.hvcluster.time.TimeSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * The password simulated hosts accept when the run was given none. It guards nothing real; it exists so the
     * second hop is exercised. A run given a password (environment, stdin or prompt) uses that one instead, so a
     * simulated run handles the secret exactly as a real one does.
     */
    public static final Secret DEFAULT_PASSWORD = Secret.of("Simulated-Only-P@ss1");

    private final Inventory inventory;
    private final SimulatedDatacenter datacenter;
    private final DatacenterStore store;
    private final SimulatedHosts endpoints;
    private final ScheduledExecutorService reachability;
    private final String user;
    private final Secret password;
    private final Map<String, Boolean> down = new HashMap<>();
    private final List<String> stateNotes;

    private Simulation(Inventory inventory, SimulatedDatacenter datacenter, DatacenterStore store, Latencies latencies,
            Secret password, List<String> stateNotes) {
        this.inventory = inventory;
        this.password = password;
        this.stateNotes = List.copyOf(stateNotes);
        this.datacenter = datacenter;
        this.store = store;
        String u = inventory.connection().username();
        this.user = u.contains("@") ? u.substring(0, u.indexOf('@')) : u.contains("\\") ? u.substring(u.indexOf('\\') + 1) : u;
        // Real WinRM endpoints answer on real sockets, so a live simulation runs on the wall clock.
        TimeSource clock = TimeSource.system();
        ScriptRunner runner = new ScriptRunner(datacenter);
        List<SimulatedHostConfig> configs = new ArrayList<>();
        for (Host h : inventory.hosts()) {
            configs.add(SimulatedHostConfig.builder(h.name())
                    .credentials(user, password)
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
        return start(inventory, stateFolder, fresh, Optional.empty());
    }

    /**
     * @param password the password the run was given; simulated hosts accept exactly it (and a fresh domain gets
     *                 it as the account's password). Empty: {@link #DEFAULT_PASSWORD}.
     */
    public static Simulation start(Inventory inventory, Path stateFolder, boolean fresh, Optional<Secret> password) {
        return start(inventory, stateFolder, fresh, password, Optional.empty());
    }

    /** @param chapSecret the iSCSI CHAP secret the run supplies; a fresh simulated array expects exactly it */
    public static Simulation start(Inventory inventory, Path stateFolder, boolean fresh, Optional<Secret> password,
            Optional<Secret> chapSecret) {
        Latencies latencies = Latencies.fast();
        Secret secret = password.orElse(DEFAULT_PASSWORD);
        DatacenterStore store = new DatacenterStore(stateFolder);
        List<String> names = inventory.hosts().stream().map(Host::name).toList();
        List<String> notes = new ArrayList<>();
        SimulatedDatacenter dc = store.locked(() -> {
            SimulatedDatacenter saved = fresh ? null : store.load(latencies).orElse(null);
            if (saved != null && !saved.hosts.keySet().containsAll(names)) {
                notes.add("the saved simulated state in " + stateFolder + " has hosts " + String.join(", ", saved.hosts.keySet())
                        + ", not " + String.join(", ", names) + ": starting from freshly installed hosts");
                saved = null;
            } else if (saved != null) {
                notes.addAll(foreignClusters(saved, inventory, stateFolder));
            }
            if (saved == null) {
                DatacenterBuilder builder = DatacenterBuilder.fresh(inventory).domainPassword(secret);
                chapSecret.ifPresent(builder::chapSecret);
                saved = builder.build();
                saved.setLatencies(latencies);
                store.save(saved);
            }
            return saved;
        });
        return new Simulation(inventory, dc, store, latencies, secret, notes);
    }

    /**
     * Saved state in which the inventory's hosts are nodes of a cluster with another name: usually the state of
     * another inventory's run (the preflight would then say "member of cluster X"). Said, not refused: a test or an
     * admin may have built that state on purpose.
     */
    private static List<String> foreignClusters(SimulatedDatacenter dc, Inventory inventory, Path stateFolder) {
        List<String> notes = new ArrayList<>();
        for (var cluster : dc.clusters) {
            if (cluster.name.equalsIgnoreCase(inventory.cluster().name())) {
                continue;
            }
            List<String> members = inventory.hosts().stream().map(Host::name).filter(h -> cluster.node(h).isPresent()).toList();
            if (!members.isEmpty()) {
                notes.add("the saved simulated state in " + stateFolder + " has " + String.join(", ", members)
                        + " in cluster " + cluster.name + ", not " + inventory.cluster().name()
                        + ": add --simulate-fresh to start from freshly installed hosts");
            }
        }
        return notes;
    }

    /** What the saved state did not match in the inventory, one sentence each (empty when it matched or was fresh). */
    public List<String> stateNotes() {
        return stateNotes;
    }

    /** A script reaching a host runs on the model; a restart it asks for is scheduled in the model. */
    private PowerShellHost model(ScriptRunner runner, TimeSource clock, String host, Latencies latencies) {
        return invocation -> {
            Instant start = clock.now();
            ScriptOutcome outcome;
            synchronized (datacenter) {
                // Saved as it happens, as a real host keeps what a script did even if the client dies right after.
                outcome = store.update(datacenter, () -> {
                    ScriptOutcome o = runner.run(host, invocation.script(), invocation.secrets(),
                            new SessionLogon(invocation.logon().kerberos(), invocation.logon().delegatedCredential()), start);
                    o.restartAfter().ifPresent(d ->
                            datacenter.scheduleRestart(host, start.plus(o.duration()).plus(latencies.shutdownDelay(d))));
                    return o;
                });
            }
            return new PowerShellResult(outcome.stdout(), outcome.stderr(), outcome.exitCode(), outcome.duration());
        };
    }

    private void syncReachability(TimeSource clock) {
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
        return executors(password);
    }

    /** The same executors logging on with {@code password} (a wrong one, to test what a refused logon does). */
    public ExecutorFactory executors(Secret password) {
        return host -> {
            SimulatedEndpoint ep = endpoints.endpoint(host.name()).orElseThrow();
            return new WinRmExecutor(new WinRmSettings(host.name(), "127.0.0.1", ep.port(), false, WinRmSettings.Auth.BASIC, user,
                    password, false, Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(5), WinRmSettings.Kerberos.defaults()));
        };
    }

    /** The endpoint of a simulated host: its statistics (failed logons) and fault injection. */
    public Optional<SimulatedEndpoint> endpoint(String host) {
        return endpoints.endpoint(host);
    }

    public Secret domainPassword() {
        return password;
    }

    public SecretMasker masker() {
        return new SecretMasker(List.of(password));
    }

    /** Masks the password and, when the run has one, the CHAP secret. */
    public SecretMasker masker(Optional<Secret> chapSecret) {
        List<Secret> all = new ArrayList<>(List.of(password));
        chapSecret.ifPresent(all::add);
        return new SecretMasker(all);
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

    /** Saves the hosts' state (merged with what other runs saved meanwhile) and stops the endpoints. */
    @Override
    public void close() {
        reachability.shutdownNow();
        try {
            synchronized (datacenter) {
                store.update(datacenter, () -> {
                    datacenter.settle(Instant.now());
                    return null;
                });
            }
        } finally {
            endpoints.close();
        }
    }
}

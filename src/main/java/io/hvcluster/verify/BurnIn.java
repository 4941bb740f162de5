package io.hvcluster.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.hvcluster.exec.ExecutionException;
import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code hvcluster verify --burn-in}: the guide's acceptance test, on a cluster without production roles. It first
 * removes what an earlier, interrupted burn-in left; creates one test VM per CSV; live-migrates each test VM to every
 * node in turn; moves each CSV's ownership to every node; drains and resumes each node; and always removes its test
 * VMs again (in a finally block: after a failure or an interrupt as well). Every script runs on the first node.
 */
public final class BurnIn {

    static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(30);

    /** @param force run although the cluster has roles burn-in did not create; @param pingAddress "" for no ping */
    public record Options(boolean force, String pingAddress) {
        public Options {
            pingAddress = pingAddress == null ? "" : pingAddress;
        }
    }

    /** The operations in the order they ran, and why the burn-in stopped early or was refused ("" when it did not). */
    public record Result(List<BurnInOperation> operations, String error) {
        public Result {
            operations = List.copyOf(operations);
        }
    }

    private final Inventory inventory;
    private final BurnInScripts scripts;
    private final HostScripts hosts;
    private final Options options;
    private final Consumer<BurnInOperation> progress;
    private final List<BurnInOperation> ops = new ArrayList<>();
    private final Host first;

    /** @param progress told of each operation as it completes (the console prints it) */
    public BurnIn(Inventory inventory, BurnInScripts scripts, HostScripts hosts, Options options, Consumer<BurnInOperation> progress) {
        this.inventory = inventory;
        this.scripts = scripts;
        this.hosts = hosts;
        this.options = options;
        this.progress = progress;
        this.first = inventory.firstNode();
    }

    /** @param cluster the cluster as the facts probe saw it (its CSVs and roles) */
    public Result run(HostFacts.Cluster cluster) {
        BurnInOperation before = cleanup(true);
        if (!before.ok()) {
            return new Result(ops, "cannot remove what an earlier burn-in left: " + before.error());
        }
        List<String> roles = cluster.roles().stream().map(HostFacts.Group::name).filter(n -> !n.startsWith(BurnInScripts.PREFIX)).toList();
        if (!roles.isEmpty() && !options.force()) {
            return new Result(ops, "refused: the cluster runs roles (" + String.join(", ", roles)
                    + "); burn-in runs only on a cluster without production roles (add --force to run it anyway)");
        }
        List<HostFacts.SharedVolume> volumes = cluster.sharedVolumes().stream().filter(v -> v.state().equals("Online")).toList();
        if (volumes.isEmpty()) {
            return new Result(ops, "the cluster has no online CSV to place test VMs on");
        }
        String error = "";
        try {
            error = exercise(volumes);
        } finally {
            boolean interrupted = Thread.interrupted();
            try {
                BurnInOperation after = cleanup(false);
                if (!after.ok() && error.isEmpty()) {
                    error = "the cleanup failed: the next burn-in (or the cleanup script by hand) removes what is left";
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return new Result(ops, error);
    }

    private String exercise(List<HostFacts.SharedVolume> volumes) {
        List<BurnInScripts.TestVm> vms = new ArrayList<>();
        for (int i = 0; i < volumes.size(); i++) {
            HostFacts.SharedVolume v = volumes.get(i);
            vms.add(new BurnInScripts.TestVm(BurnInScripts.PREFIX + (i + 1), v.name()));
        }
        Outcome created = run("prepare", new BurnInScripts.Prepare(BurnInScripts.PREFIX, BurnInScripts.NOTE, BurnInScripts.FOLDER, vms, options.force()));
        record(new BurnInOperation(BurnInOperation.Kind.CREATE, vms.size() + " test VM(s)", "", "", created.duration,
                created.error, String.join(", ", vms.stream().map(t -> t.name() + " on " + t.volume()).toList())));
        if (!created.error.isEmpty()) {
            return "could not create the test VMs";
        }
        List<String> nodes = inventory.hosts().stream().map(Host::name).toList();
        for (JsonNode vm : created.data.path("vms")) {
            String name = vm.path("name").asText();
            for (String node : rotation(nodes, vm.path("ownerNode").asText(first.name()))) {
                Outcome m = run("migrate", new BurnInScripts.Migrate(BurnInScripts.PREFIX, BurnInScripts.NOTE, name, node, options.pingAddress()));
                String ping = m.data.has("pingSent") ? "lost " + m.data.path("pingLost").asLong() + " of " + m.data.path("pingSent").asLong() + " pings" : "";
                record(new BurnInOperation(BurnInOperation.Kind.LIVE_MIGRATION, name, m.data.path("from").asText(""), node,
                        millis(m, "durationMs"), m.error, ping));
                if (m.lost) {
                    return "lost the connection to " + first.name();
                }
            }
        }
        for (HostFacts.SharedVolume v : volumes) {
            for (String node : rotation(nodes, first.name())) {
                Outcome m = run("move-volume", new BurnInScripts.MoveVolume(v.name(), node));
                record(new BurnInOperation(BurnInOperation.Kind.CSV_MOVE, v.name(), m.data.path("from").asText(""), node,
                        millis(m, "durationMs"), m.error, ""));
                if (m.lost) {
                    return "lost the connection to " + first.name();
                }
            }
        }
        for (String node : nodes) {
            Outcome d = run("drain", new BurnInScripts.Drain(node, options.pingAddress()));
            int moved = d.data.path("moved").size();
            record(new BurnInOperation(BurnInOperation.Kind.DRAIN_RESUME, node, "", "", millis(d, "drainMs").plus(millis(d, "resumeMs")),
                    d.error, moved + " role(s) moved away and back (drain " + millis(d, "drainMs").toSeconds() + " s, resume "
                            + millis(d, "resumeMs").toSeconds() + " s)"));
            if (d.lost) {
                return "lost the connection to " + first.name();
            }
        }
        return "";
    }

    /** Every node once, starting after {@code current} and ending on it: the object visits each node and comes home. */
    static List<String> rotation(List<String> nodes, String current) {
        int at = 0;
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).equalsIgnoreCase(current)) {
                at = i;
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= nodes.size(); i++) {
            out.add(nodes.get((at + i) % nodes.size()));
        }
        return out;
    }

    private BurnInOperation cleanup(boolean before) {
        Outcome c = run("cleanup", new BurnInScripts.Cleanup(BurnInScripts.PREFIX, BurnInScripts.NOTE, BurnInScripts.FOLDER));
        List<String> removed = new ArrayList<>();
        c.data.path("removed").forEach(n -> removed.add(n.asText()));
        List<String> alone = new ArrayList<>();
        c.data.path("leftAlone").forEach(n -> alone.add(n.asText()));
        String resumed = c.data.path("resumed").asText("");
        StringBuilder detail = new StringBuilder();
        detail.append(removed.isEmpty() ? "nothing to remove" : "removed " + String.join(", ", removed));
        if (!resumed.isEmpty()) {
            detail.append("; resumed ").append(resumed);
        }
        if (!alone.isEmpty()) {
            detail.append("; left alone (not marked as test VMs): ").append(String.join(", ", alone));
        }
        BurnInOperation op = new BurnInOperation(BurnInOperation.Kind.CLEANUP, before ? "what an earlier run left" : "this run's test VMs",
                "", "", c.duration, c.error, detail.toString());
        // A clean cluster before the run is not news; anything found, or any failure, is.
        if (!before || !c.error.isEmpty() || !removed.isEmpty() || !resumed.isEmpty() || !alone.isEmpty()) {
            record(op);
        }
        return op;
    }

    private void record(BurnInOperation op) {
        ops.add(op);
        progress.accept(op);
    }

    private record Outcome(JsonNode data, String error, Duration duration, boolean lost) {
    }

    private Outcome run(String phase, Record params) {
        Script script = new Script(first.name(), BurnInScripts.ID, phase, phase + ".ps1", scripts.render(inventory, phase, params));
        try {
            ScriptResult r = hosts.run(first, script, SCRIPT_TIMEOUT);
            JsonNode result = r.structured().orElse(null);
            if (result == null) {
                String why = r.stderr().isBlank() ? "no result line (exit code " + r.exitCode() + ")" : r.stderr().strip().lines().reduce((a, b) -> b).orElse("");
                return new Outcome(com.fasterxml.jackson.databind.node.MissingNode.getInstance(), why, r.duration(), false);
            }
            String error = result.path("error").isTextual() ? result.path("error").asText() : "";
            if (error.isEmpty() && r.exitCode() != 0) {
                error = "exit code " + r.exitCode();
            }
            return new Outcome(result.path("data"), error, r.duration(), false);
        } catch (ExecutionException e) {
            return new Outcome(com.fasterxml.jackson.databind.node.MissingNode.getInstance(), e.getMessage(), Duration.ZERO, true);
        }
    }

    private static Duration millis(Outcome o, String field) {
        return o.data.has(field) ? Duration.ofMillis(o.data.path(field).asLong()) : o.duration;
    }
}

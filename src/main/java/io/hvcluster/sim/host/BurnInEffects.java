package io.hvcluster.sim.host;

import io.hvcluster.verify.BurnInScripts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * templates/burn-in/*.ps1.vm: test VMs, live migration, CSV ownership moves, drain and resume, cleanup. Durations
 * pass on the run's clock (virtual time in tests): with {@link Latencies#realistic()} a live migration of a small idle
 * VM takes seconds and a drain as long as the migrations of the roles it moves; other latencies scale them alike (the
 * ratio of their feature install to the realistic one), so {@code --simulate} on the wall clock stays quick.
 */
final class BurnInEffects {

    static final Duration CREATE = Duration.ofSeconds(6);
    static final Duration LIVE_MIGRATION = Duration.ofSeconds(9);
    static final Duration CSV_MOVE = Duration.ofSeconds(3);
    static final Duration RESUME = Duration.ofSeconds(4);
    static final Duration REMOVE = Duration.ofSeconds(3);

    private BurnInEffects() {
    }

    /** A realistic figure scaled to the datacenter's latencies. */
    static Duration scaled(StepRun run, Duration realistic) {
        long base = Latencies.realistic().featureInstall().toNanos();
        long now = run.latencies().featureInstall().toNanos();
        return base == 0 ? realistic : Duration.ofNanos(Math.round((double) realistic.toNanos() * now / base));
    }

    static boolean ours(VirtualMachine vm, String prefix, String note) {
        return vm.name.startsWith(prefix) && note.equals(vm.notes);
    }

    static SimulatedCluster.Node upNode(StepRun run, SimulatedCluster c, String name) throws StepFailure {
        SimulatedCluster.Node n = c.node(name).orElseThrow(() -> new StepFailure("The node '" + name + "' was not found in the cluster."));
        if (!run.dc.nodeState(n).equals("Up")) {
            throw new StepFailure("node '" + name + "' is " + run.dc.nodeState(n) + ", not Up");
        }
        return n;
    }

    static final class Prepare implements StepEffect<BurnInScripts.Prepare> {
        @Override
        public Class<BurnInScripts.Prepare> paramsType() {
            return BurnInScripts.Prepare.class;
        }

        @Override
        public void apply(StepRun run, BurnInScripts.Prepare p) throws StepFailure {
            SimulatedCluster c = run.requireCluster();
            List<String> roles = c.virtualMachines.stream().filter(vm -> vm.clustered && !ours(vm, p.prefix(), p.note())).map(vm -> vm.name).toList();
            if (!roles.isEmpty() && !p.force()) {
                throw new StepFailure("the cluster runs roles (" + String.join(", ", roles)
                        + "); burn-in runs only on a cluster without production roles (--force runs it anyway)");
            }
            List<Map<String, String>> made = new ArrayList<>();
            for (BurnInScripts.TestVm t : p.vms()) {
                if (c.virtualMachines.stream().anyMatch(vm -> vm.name.equalsIgnoreCase(t.name()))) {
                    throw new StepFailure("a VM named '" + t.name() + "' already exists; run the cleanup first");
                }
                VirtualMachine vm = new VirtualMachine(t.name(), run.host.name);
                vm.notes = p.note();
                vm.path = c.sharedVolume(t.volume()).map(v -> v.path).orElseThrow(() ->
                        new StepFailure("The cluster shared volume '" + t.volume() + "' was not found.")) + "\\" + p.folder();
                vm.clustered = true;
                vm.state = "Running";
                c.virtualMachines.add(vm);
                run.spend(scaled(run, CREATE));
                run.change("created test VM '" + t.name() + "' on " + t.volume() + ", highly available, started");
                made.add(Map.of("name", vm.name, "ownerNode", vm.ownerNode));
            }
            run.data.put("vms", made);
        }
    }

    static final class Migrate implements StepEffect<BurnInScripts.Migrate> {
        @Override
        public Class<BurnInScripts.Migrate> paramsType() {
            return BurnInScripts.Migrate.class;
        }

        @Override
        public void apply(StepRun run, BurnInScripts.Migrate p) throws StepFailure {
            SimulatedCluster c = run.requireCluster();
            VirtualMachine vm = c.virtualMachines.stream().filter(v -> v.name.equalsIgnoreCase(p.vm())).findFirst()
                    .orElseThrow(() -> new StepFailure("The cluster group '" + p.vm() + "' was not found."));
            if (!ours(vm, p.prefix(), p.note())) {
                throw new StepFailure("'" + p.vm() + "' is not a burn-in test VM (name and notes must both match); not touched");
            }
            run.data.put("vm", vm.name);
            run.data.put("from", vm.ownerNode);
            run.data.put("to", p.node());
            upNode(run, c, p.node());
            WindowsHost target = run.dc.requireHost(p.node());
            Duration took = scaled(run, LIVE_MIGRATION);
            run.spend(took);
            run.data.put("durationMs", took.toMillis());
            if (!p.pingAddress().isEmpty()) {
                run.data.put("pingSent", Math.max(1, took.toSeconds()));
                run.data.put("pingLost", (long) run.host.faults.pingRepliesLostPerMigration);
            }
            if (target.faults.liveMigrationFails) {
                throw new StepFailure("Move-ClusterVirtualMachineRole: the live migration of '" + vm.name + "' to '" + p.node()
                        + "' failed (Event 21502: the virtual machine could not be moved); it stays on " + vm.ownerNode);
            }
            if (!vm.ownerNode.equalsIgnoreCase(p.node())) {
                vm.ownerNode = target.name;
                run.change("live-migrated '" + vm.name + "' to " + target.name);
            }
        }
    }

    static final class MoveVolume implements StepEffect<BurnInScripts.MoveVolume> {
        @Override
        public Class<BurnInScripts.MoveVolume> paramsType() {
            return BurnInScripts.MoveVolume.class;
        }

        @Override
        public void apply(StepRun run, BurnInScripts.MoveVolume p) throws StepFailure {
            SimulatedCluster c = run.requireCluster();
            if (c.sharedVolume(p.volume()).isEmpty()) {
                throw new StepFailure("The cluster shared volume '" + p.volume() + "' was not found.");
            }
            SimulatedCluster.DiskResource r = c.diskResource(p.volume()).orElseThrow(() ->
                    new StepFailure("The cluster resource '" + p.volume() + "' could not be found."));
            run.data.put("volume", p.volume());
            run.data.put("from", r.ownerNode);
            run.data.put("to", p.node());
            upNode(run, c, p.node());
            Duration took = scaled(run, CSV_MOVE);
            run.spend(took);
            run.data.put("durationMs", took.toMillis());
            if (!p.node().equalsIgnoreCase(r.ownerNode)) {
                r.ownerNode = run.dc.requireHost(p.node()).name;
                run.change("moved CSV '" + p.volume() + "' to " + r.ownerNode);
            }
        }
    }

    static final class Drain implements StepEffect<BurnInScripts.Drain> {
        @Override
        public Class<BurnInScripts.Drain> paramsType() {
            return BurnInScripts.Drain.class;
        }

        @Override
        public void apply(StepRun run, BurnInScripts.Drain p) throws StepFailure {
            SimulatedCluster c = run.requireCluster();
            SimulatedCluster.Node node = upNode(run, c, p.node());
            WindowsHost drained = run.dc.requireHost(p.node());
            Optional<SimulatedCluster.Node> other = c.nodes.stream().filter(n -> n != node && run.dc.nodeState(n).equals("Up")).findFirst();
            run.data.put("node", node.name);
            run.host.burnInDrainedNode = node.name;
            node.paused = true;
            List<VirtualMachine> roles = c.virtualMachines.stream().filter(vm -> vm.clustered && vm.ownerNode.equalsIgnoreCase(node.name)).toList();
            Duration drain = scaled(run, LIVE_MIGRATION).multipliedBy(Math.max(1, roles.size()));
            run.spend(drain);
            run.data.put("drainMs", drain.toMillis());
            if (drained.faults.drainFails || (other.isEmpty() && !roles.isEmpty())) {
                node.drainStatus = "Failed";
            } else {
                for (VirtualMachine vm : roles) {
                    vm.failbackNode = vm.ownerNode;
                    vm.ownerNode = other.get().name;
                }
                node.drainStatus = "Completed";
            }
            run.data.put("moved", roles.stream().map(vm -> vm.name).toList());
            run.change("drained " + node.name + " (" + roles.size() + " role(s) moved)");
            // The template resumes in a finally block: a failed drain does not leave the node paused.
            node.paused = false;
            node.drainStatus = "NotInitiated";
            for (VirtualMachine vm : c.virtualMachines) {
                if (node.name.equalsIgnoreCase(vm.failbackNode)) {
                    vm.ownerNode = node.name;
                    vm.failbackNode = null;
                }
            }
            Duration resume = scaled(run, RESUME);
            run.spend(resume);
            run.data.put("resumeMs", resume.toMillis());
            run.host.burnInDrainedNode = null;
            run.change("resumed " + node.name + " with immediate failback");
            if (drained.faults.drainFails) {
                throw new StepFailure("draining " + node.name + " did not complete (DrainStatus Failed); it was resumed");
            }
        }
    }

    static final class Cleanup implements StepEffect<BurnInScripts.Cleanup> {
        @Override
        public Class<BurnInScripts.Cleanup> paramsType() {
            return BurnInScripts.Cleanup.class;
        }

        @Override
        public void apply(StepRun run, BurnInScripts.Cleanup p) throws StepFailure {
            SimulatedCluster c = run.requireCluster();
            String paused = run.host.burnInDrainedNode;
            run.data.put("resumed", "");
            if (paused != null) {
                c.node(paused).ifPresent(n -> {
                    n.paused = false;
                    n.drainStatus = "NotInitiated";
                });
                for (VirtualMachine vm : c.virtualMachines) {
                    if (paused.equalsIgnoreCase(vm.failbackNode)) {
                        vm.ownerNode = paused;
                        vm.failbackNode = null;
                    }
                }
                run.host.burnInDrainedNode = null;
                run.data.put("resumed", paused);
                run.change("resumed " + paused + ", which an interrupted drain left paused");
            }
            List<String> removed = new ArrayList<>();
            List<String> leftAlone = new ArrayList<>();
            for (VirtualMachine vm : List.copyOf(c.virtualMachines)) {
                if (!vm.name.startsWith(p.prefix())) {
                    continue;
                }
                if (!p.note().equals(vm.notes)) {
                    leftAlone.add(vm.name);
                    run.warning("'" + vm.name + "' has the test VMs' name prefix but not their notes: left alone");
                    continue;
                }
                c.virtualMachines.remove(vm);
                run.spend(scaled(run, REMOVE));
                removed.add(vm.name);
                run.change("removed test VM '" + vm.name + "' and its files");
            }
            run.data.put("removed", removed);
            run.data.put("leftAlone", leftAlone);
        }
    }
}

package io.hvcluster.verify;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.check.Severity;
import io.hvcluster.pipeline.Change;
import io.hvcluster.pipeline.ChangeText;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.plan.Plan;
import io.hvcluster.preflight.Finding;
import io.hvcluster.steps.ConfigureClusterNetworksStep;
import io.hvcluster.steps.ConfigureQuorumStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of {@code hvcluster verify}: pure, over the inventory, the facts and verify probes' answers and the plan
 * the facts give. The desired state is the steps' own: anything a step would still change is a drift finding with the
 * step's before and after (one source of truth with plan and apply); the checks here add what no step changes
 * (nodes up, the witness and CSVs online, redirected access, identical switches, stray networks, the validation,
 * Linux guests on dynamic MACs). Every finding names its host, what was found, what was expected and the fix.
 */
public final class ClusterChecks {

    private final Inventory inventory;
    private final String command;

    /** @param command how the admin re-runs the build, for the fix texts ("hvcluster apply lab.yaml") */
    public ClusterChecks(Inventory inventory, String command) {
        this.inventory = inventory;
        this.command = command;
    }

    public List<Finding> check(Map<String, HostFacts> facts, Map<String, VerifyFacts> verify, Plan plan) {
        List<Finding> out = new ArrayList<>();
        String first = inventory.firstNode().name();
        Optional<HostFacts.Cluster> cluster = facts.values().stream().filter(HostFacts::clusterMember).map(HostFacts::cluster).findFirst();
        hosts(facts, out);
        if (cluster.isEmpty()) {
            out.add(new Finding(Severity.ERROR, first, "cluster", "no node is a member of a running cluster",
                    "cluster '" + inventory.cluster().name() + "'", command));
        } else {
            nodes(cluster.get(), out);
            witness(cluster.get(), first, out);
            volumes(cluster.get(), verify, first, out);
            strayNetworks(cluster.get(), first, out);
        }
        switches(facts, out);
        drift(plan, out);
        new ValidationReading().judge(first, ordered(verify)).ifPresent(out::add);
        linuxGuests(verify, out);
        return out;
    }

    private void hosts(Map<String, HostFacts> facts, List<Finding> out) {
        for (Host h : inventory.hosts()) {
            HostFacts f = facts.get(h.name());
            if (f == null) {
                continue;
            }
            if (f.hyperV() == null || !f.hyperV().running()) {
                out.add(new Finding(Severity.ERROR, h.name(), "hyper-v", "Virtual Machine Management service (vmms) "
                        + (f.hyperV() == null ? "unknown" : f.hyperV().vmms()), "Running",
                        "Start-Service -Name vmms on " + h.name() + "; if it will not start, check the System log for the hypervisor"));
            }
            if (f.os() != null && f.os().pendingReboot()) {
                out.add(new Finding(Severity.ERROR, h.name(), "restart", "a restart is pending", "no pending restart",
                        "drain and restart it: Suspend-ClusterNode -Name " + h.name() + " -Drain; Restart-Computer; then "
                                + "Resume-ClusterNode -Name " + h.name() + " -Failback Immediate"));
            }
        }
    }

    private void nodes(HostFacts.Cluster cluster, List<Finding> out) {
        for (Host h : inventory.hosts()) {
            Optional<HostFacts.Node> node = cluster.nodes().stream().filter(n -> n.name().equalsIgnoreCase(h.name())).findFirst();
            if (node.isEmpty()) {
                out.add(new Finding(Severity.ERROR, h.name(), "nodes", "not a node of cluster '" + cluster.name() + "'",
                        "a node, Up", command + " (create-cluster adds it)"));
            } else if (!node.get().state().equals("Up")) {
                String fix = node.get().state().equals("Paused")
                        ? "Resume-ClusterNode -Name " + h.name() + " -Failback Immediate"
                        : "bring " + h.name() + " back and check its Cluster service (Get-ClusterNode; Start-ClusterNode -Name " + h.name() + ")";
                out.add(new Finding(Severity.ERROR, h.name(), "nodes", "node " + node.get().state(), "Up", fix));
            }
        }
    }

    private void witness(HostFacts.Cluster cluster, String first, List<Finding> out) {
        ConfigureQuorumStep.Params want = new ConfigureQuorumStep().parameters(inventory, inventory.firstNode());
        if (!want.diskWitness() || cluster.quorumResource().isEmpty()) {
            return; // a missing or different witness is the configure-quorum step's drift
        }
        cluster.diskResources().stream().filter(r -> r.name().equals(cluster.quorumResource()) && !r.state().equals("Online"))
                .forEach(r -> out.add(new Finding(Severity.ERROR, first, "witness", "witness disk '" + r.name() + "' " + r.state(),
                        "Online", "Start-ClusterResource -Name '" + r.name() + "'; if it fails, check that every node still sees the disk")));
    }

    private void volumes(HostFacts.Cluster cluster, Map<String, VerifyFacts> verify, String first, List<Finding> out) {
        for (HostFacts.SharedVolume csv : cluster.sharedVolumes()) {
            if (!csv.state().equals("Online")) {
                String owner = verify.values().stream().flatMap(v -> v.volumes().stream()).filter(v -> v.name().equals(csv.name()))
                        .map(VerifyFacts.Volume::ownerNode).filter(o -> o != null && !o.isEmpty()).findFirst().orElse(first);
                out.add(new Finding(Severity.ERROR, owner, "csv", "CSV '" + csv.name() + "' " + csv.state(), "Online",
                        "Start-ClusterResource -Name '" + csv.name() + "'; then Get-ClusterSharedVolumeState -Name '" + csv.name() + "'"));
                continue;
            }
            for (Host h : inventory.hosts()) {
                VerifyFacts v = verify.get(h.name());
                if (v == null) {
                    continue;
                }
                Optional<VerifyFacts.Volume> seen = v.volumes().stream().filter(x -> x.name().equals(csv.name())).findFirst();
                if (seen.isEmpty() || !seen.get().reachable()) {
                    out.add(new Finding(Severity.ERROR, h.name(), "csv", "CSV '" + csv.name() + "' not reachable at " + csv.path(),
                            "reachable under C:\\ClusterStorage from every node",
                            "check " + h.name() + "'s storage paths to the disk (iSCSI sessions, MPIO) and Get-ClusterSharedVolumeState -Node " + h.name()));
                } else if (seen.get().redirected()) {
                    out.add(new Finding(Severity.ERROR, h.name(), "csv", "CSV '" + csv.name() + "' in redirected access ("
                            + seen.get().stateInfo() + ")", "Direct",
                            "find why in the System log (FailoverClustering events 5120/5125 name the cause); restore "
                                    + h.name() + "'s direct path to the disk, then Move-ClusterSharedVolume -Name '" + csv.name() + "' to refresh it"));
                }
            }
        }
    }

    private void strayNetworks(HostFacts.Cluster cluster, String first, List<Finding> out) {
        List<ConfigureClusterNetworksStep.ClusterNetwork> want = new ConfigureClusterNetworksStep().parameters(inventory, inventory.firstNode()).networks();
        for (HostFacts.Network n : cluster.networks()) {
            boolean planned = want.stream().anyMatch(w -> w.address().equals(n.address()) && w.mask().equals(n.mask()));
            if (!planned) {
                out.add(new Finding(Severity.ERROR, first, "networks", "cluster network '" + n.name() + "' (" + n.address() + "/" + n.mask()
                        + ") that the inventory does not plan", "only the inventory's networks",
                        "remove the addresses on " + n.address() + "/" + n.mask() + " from the nodes, or add that network to the inventory and run "
                                + command));
            }
        }
    }

    /** The same switch names, types, management-OS setting and host VLAN on every node (the guide: identical names). */
    private void switches(Map<String, HostFacts> facts, List<Finding> out) {
        Map<String, Map<String, String>> shapes = new LinkedHashMap<>();
        for (Host h : inventory.hosts()) {
            HostFacts f = facts.get(h.name());
            if (f == null || f.hyperV() == null) {
                continue;
            }
            Map<String, String> byName = new LinkedHashMap<>();
            for (HostFacts.Switch s : f.hyperV().switches()) {
                String vlan = f.hyperV().hostVlans().stream().filter(v -> v.adapter().equalsIgnoreCase(s.name())).findFirst()
                        .map(v -> "Access".equals(v.mode()) ? "VLAN " + v.accessVlanId() : "untagged").orElse("untagged");
                byName.put(s.name().toLowerCase(Locale.ROOT), s.name() + ": " + s.switchType() + ", AllowManagementOS "
                        + s.allowManagementOs() + ", " + vlan);
            }
            shapes.put(h.name(), byName);
        }
        if (shapes.size() < 2) {
            return;
        }
        Map<String, String> all = new LinkedHashMap<>();
        shapes.values().forEach(m -> m.forEach(all::putIfAbsent));
        for (Map.Entry<String, Map<String, String>> e : shapes.entrySet()) {
            for (Map.Entry<String, String> sw : all.entrySet()) {
                String have = e.getValue().get(sw.getKey());
                String majority = majority(shapes, sw.getKey());
                long holders = shapes.values().stream().filter(m -> m.containsKey(sw.getKey())).count();
                boolean mostHaveIt = holders * 2 >= shapes.size();
                if (have == null && mostHaveIt) {
                    out.add(new Finding(Severity.ERROR, e.getKey(), "switches", "no switch '" + sw.getValue().split(":")[0] + "'",
                            "the same switches on every node (" + others(shapes, e.getKey(), sw.getKey()) + " have it)",
                            "give the switch its inventory name on every node (Rename-VMSwitch), or run " + command));
                } else if (have != null && !mostHaveIt) {
                    out.add(new Finding(Severity.ERROR, e.getKey(), "switches", "switch '" + have.split(":")[0] + "' that the other nodes do not have",
                            "the same switches on every node",
                            "rename it to its inventory name (Rename-VMSwitch) or remove it if nothing uses it"));
                } else if (have != null && majority != null && !have.equals(majority)) {
                    out.add(new Finding(Severity.ERROR, e.getKey(), "switches", have, majority,
                            "make the switch identical on every node (Set-VMSwitch / Set-VMNetworkAdapterVlan -ManagementOS), or run " + command));
                }
            }
        }
    }

    /** The shape most nodes have (the first node's on a tie), or null when it is unique. */
    private static String majority(Map<String, Map<String, String>> shapes, String key) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        shapes.values().forEach(m -> {
            if (m.containsKey(key)) {
                counts.merge(m.get(key), 1, Integer::sum);
            }
        });
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    private static String others(Map<String, Map<String, String>> shapes, String host, String key) {
        return String.join(", ", shapes.entrySet().stream().filter(e -> !e.getKey().equals(host) && e.getValue().containsKey(key))
                .map(Map.Entry::getKey).toList());
    }

    /** What a step would still change: the build drifted from the inventory there. */
    private void drift(Plan plan, List<Finding> out) {
        for (StepPlan s : plan.steps()) {
            for (Change c : s.changes()) {
                out.add(new Finding(Severity.ERROR, s.host(), s.stepId(), c.before().isEmpty() ? c.object() + ": absent" : c.object() + ": " + c.before(),
                        c.after().isEmpty() ? "absent" : c.after(), command + " (it would " + ChangeText.line(c).strip() + ")"));
            }
            for (String p : s.problems()) {
                out.add(new Finding(Severity.ERROR, s.host(), s.stepId(), p, "the state the inventory plans",
                        "fix it by hand as the text says, then run " + command));
            }
        }
    }

    /** The guide: a Linux guest keeps its IP binding across migrations only with a static MAC. */
    private void linuxGuests(Map<String, VerifyFacts> verify, List<Finding> out) {
        for (Map.Entry<String, VerifyFacts> e : ordered(verify).entrySet()) {
            for (VerifyFacts.Vm vm : e.getValue().vms()) {
                if (vm.clustered() && vm.dynamicMac() && vm.guestOs().toLowerCase(Locale.ROOT).contains("linux")) {
                    out.add(new Finding(Severity.WARNING, e.getKey(), "linux-mac", "VM '" + vm.name() + "' (" + vm.guestOs()
                            + ") has a dynamic MAC address", "a static MAC address",
                            "give it a static MAC (Stop-VM, Set-VMNetworkAdapter -VMName '" + vm.name()
                                    + "' -StaticMacAddress <its current MAC>, Start-VM): with a dynamic MAC a Linux guest can lose its IP binding after a live migration"));
                }
            }
        }
    }

    /** Inventory order. */
    private Map<String, VerifyFacts> ordered(Map<String, VerifyFacts> verify) {
        Map<String, VerifyFacts> out = new LinkedHashMap<>();
        inventory.hosts().forEach(h -> {
            if (verify.containsKey(h.name())) {
                out.put(h.name(), verify.get(h.name()));
            }
        });
        return out;
    }
}

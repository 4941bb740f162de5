package io.hvcluster.sim.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.testing.InventoryYaml;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 4, on the simulator: the host vNIC of a switch shared with the host is left with no DHCP, no APIPA
 * address and no DNS registration; binding a switch never cuts the session's own path; a cluster network the
 * inventory does not know gets role None and is kept away from live migration.
 */
class SwitchHostAdapterTest {

    private static Inventory sharedWithTheHost() {
        InventoryYaml yaml = InventoryYaml.base().replace("allowManagementOS: false", "allowManagementOS: true");
        return yaml.load().inventory().orElseThrow(() -> new AssertionError(yaml.load().problems().toString()));
    }

    /** The step's plan from facts the simulator's probe reports now: the Java diff must agree with the script. */
    private static io.hvcluster.pipeline.StepPlan plan(SimulatedBuild build, io.hvcluster.pipeline.Step<?> step, String host) {
        java.util.Map<String, io.hvcluster.facts.HostFacts> facts = new java.util.LinkedHashMap<>();
        build.inventory.hosts().forEach(h -> facts.put(h.name(), new io.hvcluster.facts.FactsParser().parse(h.name(), build.probe(h.name()))));
        return step.diff(build.inventory.host(host).orElseThrow(), new io.hvcluster.facts.FactsView(build.inventory, facts));
    }

    private static List<String> warnings(SimulatedBuild.Run r) {
        assertThat(r.result().exitCode()).as(r.result().stderr()).isZero();
        return StreamSupport.stream(r.json().get("warnings").spliterator(), false).map(n -> n.asText()).toList();
    }

    @Test
    void theHostVnicKeepsNoDhcpNoApipaAndNoDnsRegistration() {
        SimulatedBuild build = SimulatedBuild.fresh(sharedWithTheHost());
        build.runBefore("create-virtual-switches");
        SimulatedBuild.Run r = build.run("create-virtual-switches", "HV01");
        assertThat(r.result().exitCode()).as(r.result().stderr()).isZero();
        assertThat(plan(build, new io.hvcluster.steps.CreateVirtualSwitchesStep(), "HV01").inDesiredState()).as("plan afterwards").isTrue();
        NetAdapter vnic = build.dc.requireHost("HV01").adapter("vEthernet (External)").orElseThrow();
        assertThat(vnic.dhcp).as("DHCP").isFalse();
        assertThat(vnic.ipv4).as("addresses (APIPA included)").isEmpty();
        assertThat(vnic.registerDns).as("DNS registration").isFalse();
        assertThat(build.run("create-virtual-switches", "HV01").changed()).as("second run").isFalse();
    }

    @Test
    void aSwitchIsNeverBoundToTheNicTheSessionRunsOver() {
        SimulatedBuild build = SimulatedBuild.fresh(sharedWithTheHost());
        build.runBefore("create-virtual-switches");
        WindowsHost h = build.dc.requireHost("HV01");
        NetAdapter parent = h.adapter("Parent").orElseThrow();
        NetAdapter uplink = h.adapter("Virtual 1").orElseThrow();
        // The admin manages HV01 over the NIC the inventory gives to the switch.
        uplink.ipv4.clear();
        uplink.ipv4.addAll(parent.ipv4);
        uplink.bindings.put(Bindings.IPV4, true);
        parent.ipv4.clear();
        assertThat(plan(build, new io.hvcluster.steps.CreateVirtualSwitchesStep(), "HV01").problems()).singleElement().asString()
                .startsWith("refusing to bind switch 'External' to 'Virtual 1': this WinRM session runs over it");
        SimulatedBuild.Run r = build.run("create-virtual-switches", "HV01");
        assertThat(r.result().exitCode()).isEqualTo(1);
        assertThat(r.json().get("error").asText()).startsWith("refusing to bind switch 'External' to 'Virtual 1': this WinRM session runs over it");
        assertThat(h.switches).isEmpty();
        assertThat(uplink.ipv4).extracting(a -> a.address).containsExactly("10.0.0.11");
    }

    @Test
    void aClusterNetworkTheInventoryDoesNotKnowGetsRoleNoneAndNoLiveMigration() {
        SimulatedBuild build = SimulatedBuild.fresh(sharedWithTheHost());
        build.runBefore("configure-cluster-networks");
        // A NIC the inventory does not name, addressed by a DHCP server on every node: a stray cluster network.
        int n = 0;
        for (String host : List.of("HV01", "HV02")) {
            NetAdapter a = new NetAdapter();
            a.name = "Backup";
            a.description = "Broadcom NetXtreme Gigabit Ethernet";
            a.mac = "00-15-5D-0A-0" + (++n) + "-09";
            a.ifIndex = build.dc.requireHost(host).nextIfIndex();
            a.bindings = Bindings.freshDefaults();
            a.dhcp = true;
            a.ipv4.add(new NetAdapter.AssignedAddress("192.168.50.1" + n, 24, "Dhcp", "Preferred"));
            build.dc.requireHost(host).adapters.add(a);
        }
        var step = new io.hvcluster.steps.ConfigureClusterNetworksStep();
        assertThat(plan(build, step, "HV01").changes()).extracting(Object::toString).anySatisfy(ch -> assertThat(ch)
                .contains("role of stray cluster network").contains("192.168.50.0")).anySatisfy(ch -> assertThat(ch)
                .contains("networks live migration excludes"));
        SimulatedBuild.Run r = build.run("configure-cluster-networks", "HV01");
        assertThat(plan(build, step, "HV01").inDesiredState()).as("the plan agrees with the script afterwards").isTrue();
        SimulatedCluster c = build.dc.clusterOf("HV01").orElseThrow();
        SimulatedCluster.Network stray = c.networks.stream().filter(x -> x.address.equals("192.168.50.0")).findFirst().orElseThrow();
        assertThat(stray.role).as("role of the stray network").isZero();
        assertThat(c.migrationExcludeNetworks.split(";")).as("live migration excludes it").contains(stray.id);
        assertThat(warnings(r)).anySatisfy(w -> assertThat(w).contains("'" + stray.name + "'", "192.168.50.0", "matches no network of the inventory",
                "role None"));
        assertThat(build.run("configure-cluster-networks", "HV01").changed()).as("second run").isFalse();
    }
}

package io.hvcluster.sim.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.facts.FactsParser;
import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.pipeline.Step;
import io.hvcluster.steps.ConfigureAddressesStep;
import io.hvcluster.steps.CreateVirtualSwitchesStep;
import io.hvcluster.steps.UnbindProtocolsStep;
import io.hvcluster.testing.InventoryFixtures;
import io.hvcluster.windows.RemoveNetIPAddress;
import io.hvcluster.windows.RemoveNetRoute;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * configure-addresses, unbind-protocols and create-virtual-switches run in the simulator from their own plans
 * (issue 9 item 2): the plan a script's parameters give on its host is the planner's plan, and the Windows behaviour
 * the cmdlet models carry shows in the host's state afterwards.
 */
class NetworkStepsFromPlanTest {

    private final SimulatedBuild build = SimulatedBuild.fresh(InventoryFixtures.fourNodes());

    private Map<String, HostFacts> facts() {
        Map<String, HostFacts> out = new LinkedHashMap<>();
        build.inventory.hosts().forEach(h -> out.put(h.name(), new FactsParser().parse(h.name(), build.probe(h.name()))));
        return out;
    }

    /** What the simulator plans from the script's parameters on its host's facts only, next to the planner's plan. */
    private <P extends Record> void samePlanFromTheScriptsParameters(Step<P> step) {
        Map<String, HostFacts> facts = facts();
        for (Host h : build.inventory.hosts()) {
            var planner = step.diff(h, new FactsView(build.inventory, facts));
            var script = step.plan(h.name(), step.parameters(build.inventory, h), FactsView.ofHost(h.name(), facts.get(h.name())));
            assertThat(script.changes()).as(step.id() + "@" + h.name()).isEqualTo(planner.changes()).isNotEmpty();
            assertThat(script.changes()).as("every change names its operation").allSatisfy(c -> assertThat(c.operation()).isPresent());
            assertThat(script.problems()).isEqualTo(planner.problems());
        }
    }

    private static List<String> changes(SimulatedBuild.Run r) {
        assertThat(r.result().exitCode()).as(r.result().stderr()).isZero();
        return StreamSupport.stream(r.json().get("changes").spliterator(), false).map(n -> n.asText()).toList();
    }

    @Test
    void theScriptsParametersGiveThePlannersPlanBeforeTheAdaptersAreRenamed() {
        samePlanFromTheScriptsParameters(new ConfigureAddressesStep());
        samePlanFromTheScriptsParameters(new UnbindProtocolsStep());
    }

    @Test
    void theSwitchPlanFromTheScriptsParametersIsThePlannersOnceHyperVRuns() {
        build.runBefore("create-virtual-switches");
        Map<String, HostFacts> facts = facts();
        Host h = build.inventory.host("HV02").orElseThrow();
        var step = new CreateVirtualSwitchesStep();
        assertThat(step.plan(h.name(), step.parameters(build.inventory, h), FactsView.ofHost(h.name(), facts.get(h.name()))).changes())
                .isEqualTo(step.diff(h, new FactsView(build.inventory, facts)).changes()).hasSize(1);
    }

    @Test
    void turningDhcpOffDropsTheApipaAddressAndTheStepConverges() {
        build.run("rename-adapters", "HV01");
        NetAdapter cluster = build.dc.requireHost("HV01").adapter("Cluster").orElseThrow();
        assertThat(cluster.ipv4).extracting(a -> a.origin).containsExactly("WellKnown");
        List<String> changed = changes(build.run("configure-addresses", "HV01"));
        assertThat(changed).contains("disabled DHCP on 'Cluster'", "added 10.10.1.11/24 to 'Cluster'", "turned off DNS registration on 'Cluster'");
        assertThat(cluster.ipv4).extracting(a -> a.address + "/" + a.origin + "/" + a.state).containsExactly("10.10.1.11/Manual/Preferred");
        assertThat(build.run("configure-addresses", "HV01").changed()).as("second run").isFalse();
    }

    @Test
    void unbindingIpv4TakesTheUplinksAddressesWithItInWindowsBindingOrder() {
        build.run("rename-adapters", "HV01");
        NetAdapter uplink = build.dc.requireHost("HV01").adapter("Virtual 1").orElseThrow();
        assertThat(uplink.ipv4).isNotEmpty();
        List<String> changed = changes(build.run("unbind-protocols", "HV01"));
        assertThat(changed).containsExactly(
                "disabled Link-Layer Topology Discovery Mapper I/O Driver (ms_lltdio) on 'Virtual 1'",
                "disabled Link-Layer Topology Discovery Responder (ms_rspndr) on 'Virtual 1'",
                "disabled Internet Protocol Version 6 (TCP/IPv6) (ms_tcpip6) on 'Virtual 1'",
                "disabled Internet Protocol Version 4 (TCP/IPv4) (ms_tcpip) on 'Virtual 1'",
                "disabled File and Printer Sharing for Microsoft Networks (ms_server) on 'Virtual 1'",
                "disabled Client for Microsoft Networks (ms_msclient) on 'Virtual 1'");
        assertThat(uplink.ipv4).as("IPv4 addresses, APIPA included").isEmpty();
        assertThat(uplink.bound("ms_pacer")).as("QoS stays").isTrue();
    }

    @Test
    void anOperationOnAnObjectThatIsNotThereFailsAsWindowsDoes() {
        build.run("rename-adapters", "HV01");
        WindowsHost host = build.dc.requireHost("HV01");
        int idx = host.adapter("Cluster").orElseThrow().ifIndex;
        StepRun run = new StepRun(build.dc, host, "configure-addresses", "apply", "", Map.of(), Instant.EPOCH);
        assertThatThrownBy(() -> Cmdlets.apply(run, new RemoveNetIPAddress(idx, "10.9.9.9", 24))).isInstanceOf(StepFailure.class)
                .hasMessage("No MSFT_NetIPAddress objects found with property 'IPAddress' equal to '10.9.9.9'.  Verify the value of the property and retry.");
        assertThatThrownBy(() -> Cmdlets.apply(run, new RemoveNetRoute(idx, "0.0.0.0/0"))).isInstanceOf(StepFailure.class)
                .hasMessageStartingWith("No MSFT_NetRoute objects found with property 'DestinationPrefix' equal to '0.0.0.0/0'.");
        assertThat(run.changes).isEmpty();
    }

    @Test
    void aSwitchIsNeverBoundWithoutItsRenamedUplinkNorBeforeHyperVRuns() {
        build.runBefore("create-virtual-switches");
        build.dc.requireHost("HV01").adapter("Virtual 1").orElseThrow().name = "Ethernet 4";
        SimulatedBuild.Run r = build.run("create-virtual-switches", "HV01");
        assertThat(r.result().exitCode()).isEqualTo(1);
        assertThat(r.json().get("error").asText()).isEqualTo("no adapter named 'Virtual 1' for switch 'External' (rename-adapters runs first)");
        assertThat(build.dc.requireHost("HV01").switches).isEmpty();
    }
}

package io.hvcluster.sim.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.facts.FactsParser;
import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.pipeline.Change;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.steps.ConfigureAddressesStep;
import io.hvcluster.steps.EnableHyperVStep;
import io.hvcluster.testing.InventoryFixtures;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 5: a default route lives in the ActiveStore and may also sit in the PersistentStore, which Windows
 * copies to the ActiveStore at restart (Remove-NetRoute, -PolicyStore). Removed from one store only, it comes back
 * with the Hyper-V restart.
 */
class RealWindowsRoutesTest {

    private final SimulatedBuild build = new SimulatedBuild(InventoryFixtures.fourNodes(),
            DatacenterBuilder.fresh(InventoryFixtures.fourNodes()).domainPassword(SimulatedBuild.PASSWORD)
                    .bootedAt(Instant.parse("2026-03-02T07:00:00Z")).staticGateway("HV01", "Cluster", "10.10.1.1").build());

    private HostFacts.Adapter clusterAdapter(String host) {
        HostFacts f = new FactsParser().parse(host, build.probe(host));
        return f.adapters().stream().filter(a -> a.name().equals("Cluster")).findFirst().orElseThrow();
    }

    @Test
    void aStaticGatewayOnAPrivateNetworkIsRemovedFromBothStoresAndStaysGoneAfterTheHyperVRestart() {
        build.run("rename-adapters", "HV01");
        SimulatedBuild.Run r = build.run("configure-addresses", "HV01");
        assertThat(r.json().get("changes").toString()).contains("removed the default route from 'Cluster' (ActiveStore, PersistentStore)");
        assertThat(clusterAdapter("HV01").defaultRoute()).isFalse();

        build.runBefore(EnableHyperVStep.ID);
        SimulatedBuild.Run apply = build.run(EnableHyperVStep.ID, "HV01");
        build.waitForRestart("HV01", apply.json().get("data").get("bootTimeBefore").asText());
        assertThat(clusterAdapter("HV01").defaultRoute()).as("after the restart").isFalse();
    }

    @Test
    void aPersistentOnlyRouteIsDriftThePlanRemoves() {
        build.run("rename-adapters", "HV01");
        build.run("configure-addresses", "HV01");
        build.dc.requireHost("HV01").adapter("Cluster").orElseThrow().persistentDefaultGateway = "10.10.1.1";

        HostFacts.Adapter cluster = clusterAdapter("HV01");
        assertThat(cluster.defaultRoute()).as("a PersistentStore route is seen").isTrue();
        HostFacts facts = new FactsParser().parse("HV01", build.probe("HV01"));
        StepPlan plan = new ConfigureAddressesStep().diff(build.inventory.firstNode(), new FactsView(build.inventory, Map.of("HV01", facts)));
        assertThat(plan.changes()).extracting(Change::object).anyMatch(o -> o.contains("default route"));

        SimulatedBuild.Run again = build.run("configure-addresses", "HV01");
        assertThat(again.json().get("changes").toString()).contains("removed the default route from 'Cluster' (PersistentStore)");
        assertThat(clusterAdapter("HV01").defaultRoute()).isFalse();
    }

    @Test
    void theScriptReadsAndEmptiesBothStores() {
        ConfigureAddressesStep step = new ConfigureAddressesStep();
        String text = SimulatedBuild.render(build.inventory, step, step.phases().get(0), build.inventory.firstNode());
        assertThat(text).contains("foreach ($store in 'ActiveStore', 'PersistentStore')")
                .contains("Remove-NetRoute -InterfaceIndex $idx -AddressFamily IPv4 -DestinationPrefix '0.0.0.0/0' -PolicyStore $store -Confirm:$false")
                .contains("$left = @(Get-HvcDefaultRouteStores -InterfaceIndex $idx)")
                .contains("Get-NetIPAddress -InterfaceIndex $idx -AddressFamily IPv4 -PolicyStore $store");
    }
}

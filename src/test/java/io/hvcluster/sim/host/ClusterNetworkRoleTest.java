package io.hvcluster.sim.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.steps.ConfigureClusterNetworksStep;
import io.hvcluster.testing.InventoryFixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The restrictions Windows puts on a cluster network's Role (the Role property, CLUSTER_NETWORK_ROLE;
 * docs/windows-behaviour.md): client access stays on a network an IP Address resource uses, internal use on the last
 * network that has it. The inventory rules keep the cluster address on the management network (role 3), so a build
 * never meets them; a hand-edited parameter set does, and fails as Windows does, changing nothing more.
 */
class ClusterNetworkRoleTest {

    private final SimulatedBuild build = SimulatedBuild.fresh(InventoryFixtures.fourNodes());
    private ConfigureClusterNetworksStep.Params params;

    @BeforeEach
    void clusterWithItsNetworks() {
        build.runBefore(ConfigureClusterNetworksStep.ID);
        params = new ConfigureClusterNetworksStep().parameters(build.inventory, build.inventory.firstNode());
    }

    private ConfigureClusterNetworksStep.Params everyRole(int role) {
        return new ConfigureClusterNetworksStep.Params(params.networks().stream()
                .map(n -> new ConfigureClusterNetworksStep.ClusterNetwork(n.name(), n.address(), n.mask(), role)).toList(),
                params.migrationOrder(), params.migrationExcluded());
    }

    private String error(SimulatedBuild.Run r) {
        assertThat(r.result().exitCode()).as("exit code").isEqualTo(1);
        return r.json().get("error").asText();
    }

    @Test
    void theClusterAddressKeepsClientAccessOnItsNetwork() {
        SimulatedBuild.Run r = build.runWith(ConfigureClusterNetworksStep.ID, "apply", "HV01", everyRole(1));
        assertThat(error(r)).isEqualTo("One or more cluster resources depend on the network to provide service to clients. "
                + "The client access capability cannot be removed from the network.");
        String management = params.networks().stream().filter(n -> n.role() == 3).findFirst().orElseThrow().address();
        assertThat(build.dc.cluster("HVCL01").orElseThrow().networks.stream().filter(n -> n.address.equals(management)))
                .singleElement().satisfies(n -> assertThat(n.role).as("role of the management network").isEqualTo(3));
    }

    @Test
    void theLastNetworkForInternalUseKeepsIt() {
        // Role 2 (client access only) is what Windows calls "not supported"; it still drops internal use everywhere.
        SimulatedBuild.Run r = build.runWith(ConfigureClusterNetworksStep.ID, "apply", "HV01", everyRole(2));
        assertThat(error(r)).isEqualTo("The cluster network is the only one configured for internal cluster communication between two or "
                + "more active cluster nodes. The internal communication capability cannot be removed from the network.");
        assertThat(build.dc.cluster("HVCL01").orElseThrow().networks.stream().filter(n -> (n.role & 1) != 0)).hasSize(1);
    }

    @Test
    void theInventorysOwnRolesPass() {
        SimulatedBuild.Run r = build.run(ConfigureClusterNetworksStep.ID, "HV01");
        assertThat(r.result().exitCode()).isZero();
        List<Integer> roles = build.dc.cluster("HVCL01").orElseThrow().networks.stream().map(n -> n.role).toList();
        assertThat(roles).contains(3, 1);
    }
}

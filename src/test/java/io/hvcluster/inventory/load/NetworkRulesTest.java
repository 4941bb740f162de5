package io.hvcluster.inventory.load;

import static io.hvcluster.inventory.check.Problem.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.testing.InventoryYaml;
import org.junit.jupiter.api.Test;

class NetworkRulesTest {

    private static final String CLUSTER_NET = "  - { name: Cluster, purpose: cluster, subnet: 10.10.1.0/24 }";

    @Test
    void clusterNetworkHasNoGateway() {
        LoadResult r = InventoryYaml.base().replace(CLUSTER_NET,
                "  - { name: Cluster, purpose: cluster, subnet: 10.10.1.0/24, gateway: 10.10.1.1 }").load();
        assertThat(r.problems()).containsExactly(error("networks[1].gateway", 13, 71,
                "only the management network has a gateway; a cluster network is never routed"));
    }

    @Test
    void liveMigrationNetworkHasNoDns() {
        LoadResult r = InventoryYaml.base().replace("subnet: 10.10.2.0/24 }", "subnet: 10.10.2.0/24, dns: [10.0.0.10] }")
                .load();
        assertThat(r.problems()).containsExactly(error("networks[2].dns", 14, 76,
                "only the management network has DNS servers; a live-migration network does not register in DNS"));
    }

    @Test
    void managementGatewayMustBeInsideItsSubnet() {
        LoadResult r = InventoryYaml.base().replace("gateway: 10.0.0.1,", "gateway: 10.0.1.1,").load();
        assertThat(r.problems()).containsExactly(
                error("networks[0].gateway", 12, 72, "10.0.1.1 is not in the management subnet 10.0.0.0/24"));
    }

    @Test
    void managementNetworkNeedsASubnet() {
        LoadResult r = InventoryYaml.base().replace(" subnet: 10.0.0.0/24, gateway: 10.0.0.1,", "").load();
        assertThat(r.problems()).containsExactly(error("networks[0].subnet", 12, 5,
                "is required for a management network"));
    }

    @Test
    void subnetWithHostBitsSetSuggestsTheNetworkAddress() {
        LoadResult r = InventoryYaml.base().replace("subnet: 10.10.1.0/24", "subnet: 10.10.1.5/24").load();
        assertThat(r.problems()).containsExactly(
                error("networks[1].subnet", 13, 48, "'10.10.1.5/24' has host bits set; did you mean 10.10.1.0/24?"));
    }

    @Test
    void subnetWithoutPrefixIsRefused() {
        LoadResult r = InventoryYaml.base().replace("subnet: 10.10.1.0/24", "subnet: 10.10.1.0").load();
        assertThat(r.problems()).containsExactly(error("networks[1].subnet", 13, 48,
                "'10.10.1.0' is not a subnet; expected CIDR form, like 10.0.0.0/24"));
    }

    @Test
    void slash31AndSlash32AreRefused() {
        LoadResult r = InventoryYaml.base().replace("subnet: 10.10.1.0/24", "subnet: 10.10.1.10/31")
                .replace("ip: 10.10.1.11", "ip: 10.10.1.10").replace("ip: 10.10.1.12", "ip: 10.10.1.11").load();
        assertThat(r.problems()).contains(error("networks[1].subnet", 13, 48,
                "a /31 subnet leaves no room for host addresses; use /30 or shorter"));
    }

    @Test
    void overlappingSubnetsAreRefused() {
        LoadResult r = InventoryYaml.base().replace("subnet: 10.10.1.0/24", "subnet: 10.0.0.0/16")
                .replace("ip: 10.10.1.11", "ip: 10.0.1.11").replace("ip: 10.10.1.12", "ip: 10.0.1.12").load();
        assertThat(r.problems()).containsExactly(error("networks[1].subnet", 13, 48,
                "10.0.0.0/16 overlaps networks[0] (10.0.0.0/24); every network needs its own subnet"));
    }

    @Test
    void liveMigrationMustNotOverlapTheClusterNetwork() {
        LoadResult r = InventoryYaml.base().replace("subnet: 10.10.2.0/24", "subnet: 10.10.0.0/22")
                .load();
        assertThat(r.problems()).containsExactly(error("networks[2].subnet", 14, 62,
                "10.10.0.0/22 overlaps networks[1] (10.10.1.0/24); every network needs its own subnet"));
    }

    @Test
    void virtualSwitchNetworkHasNoSubnet() {
        LoadResult r = InventoryYaml.base().replace("purpose: virtual-switch }", "purpose: virtual-switch, subnet: "
                + "10.30.0.0/24 }").load();
        assertThat(r.problems()).containsExactly(error("networks[3].subnet", 15, 57, "a virtual-switch network has no "
                + "subnet: its NIC becomes the switch uplink and carries no host address"));
    }

    @Test
    void exactlyOneManagementNetwork() {
        LoadResult r = InventoryYaml.base().replace("purpose: virtual-switch }", "purpose: management, subnet: "
                + "10.30.0.0/24 }").load();
        assertThat(r.problems()).contains(error("networks[3].purpose", 15, 33,
                "a second management network; exactly one is allowed (networks[0] is the first)"));
    }

    @Test
    void theGuidesThreeRolesAreRequired() {
        LoadResult r = InventoryYaml.base()
                .replace("  - { name: Cluster, purpose: cluster,", "  - { name: Cluster, purpose: live-migration,")
                .replace("      Virtual 1: { mac: 00-15-5D-0A-01-04 }\n", "")
                .replace("      Virtual 1: { name: Ethernet 4 }\n", "")
                .removeLine("  - { name: Virtual 1, purpose: virtual-switch }")
                .removeLine("    - { name: External, network: Virtual 1, allowManagementOS: false }")
                .removeLine("  virtualSwitches:")
                .load();
        assertThat(r.problems()).containsExactly(error("networks", 9, 1, "no network with purpose cluster, "
                + "virtual-switch; the guide requires management, cluster and virtual-switch networks"));
    }

    @Test
    void networkNamesAreUniqueIgnoringCase() {
        LoadResult r = InventoryYaml.base().replace("{ name: Live Migration,", "{ name: cluster,").load();
        assertThat(r.problems()).contains(error("networks[2].name", 14, 13,
                "duplicate network name 'cluster' (networks[1] is 'Cluster'; adapter names ignore case)"));
    }

    @Test
    void unknownPurposeListsTheAllowedOnes() {
        LoadResult r = InventoryYaml.base().replace("purpose: live-migration", "purpose: livemigration").load();
        assertThat(r.problems()).containsExactly(error("networks[2].purpose", 14, 38, "'livemigration' is not a valid "
                + "purpose; expected one of: management, cluster, live-migration, virtual-switch, iscsi "
                + "(did you mean 'live-migration'?)"));
    }

    @Test
    void iscsiNetworksOnSeparateSubnetsAreValid() {
        LoadResult r = InventoryYaml.base()
                .replace("  - { name: Virtual 1, purpose: virtual-switch }", "  - { name: Virtual 1, purpose: "
                        + "virtual-switch }\n  - { name: iSCSI 1, purpose: iscsi, subnet: 10.20.1.0/24 }\n"
                        + "  - { name: iSCSI 2, purpose: iscsi, subnet: 10.20.2.0/24 }")
                .replace("      Virtual 1: { mac: 00-15-5D-0A-01-04 }", "      Virtual 1: { mac: 00-15-5D-0A-01-04 }\n"
                        + "      iSCSI 1: { mac: 00-15-5D-0A-01-05, ip: 10.20.1.11 }\n"
                        + "      iSCSI 2: { mac: 00-15-5D-0A-01-06, ip: 10.20.2.11 }")
                .replace("      Virtual 1: { name: Ethernet 4 }", "      Virtual 1: { name: Ethernet 4 }\n"
                        + "      iSCSI 1: { mac: 00-15-5D-0A-02-05, ip: 10.20.1.12 }\n"
                        + "      iSCSI 2: { mac: 00-15-5D-0A-02-06, ip: 10.20.2.12 }")
                .load();
        assertThat(r.problems()).isEmpty();
        assertThat(r.inventory().orElseThrow().networks()).hasSize(6);
    }
}

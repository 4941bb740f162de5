package io.hvcluster.inventory.load;

import static io.hvcluster.inventory.check.Problem.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.testing.InventoryYaml;
import org.junit.jupiter.api.Test;

class ClusterRulesTest {

    @Test
    void clusterNameMustBeANetbiosName() {
        LoadResult r = InventoryYaml.base().replace("  name: HVCL01", "  name: HV CLUSTER").load();
        assertThat(r.problems()).containsExactly(error("cluster.name", 2, 9,
                "'HV CLUSTER' contains a space; a computer name allows only letters, digits and hyphens"));
    }

    @Test
    void clusterNameMustNotBeAReservedWord() {
        LoadResult r = InventoryYaml.base().replace("  name: HVCL01", "  name: server").load();
        assertThat(r.problems()).containsExactly(error("cluster.name", 2, 9,
                "'server' is a reserved word in Windows and cannot be a computer name"));
    }

    @Test
    void clusterNameMustDifferFromEveryHostName() {
        LoadResult r = InventoryYaml.base().replace("  name: HVCL01", "  name: hv02").load();
        assertThat(r.problems()).containsExactly(error("cluster.name", 2, 9,
                "'hv02' is also the name of hosts[1]; the cluster name object needs a computer name of its own"));
    }

    @Test
    void domainMustBeFullyQualified() {
        LoadResult r = InventoryYaml.base().replace("  domain: corp.example.com", "  domain: CORP").load();
        assertThat(r.problems()).containsExactly(error("cluster.domain", 4, 11, "'CORP' is not a fully qualified domain "
                + "name; expected labels of letters, digits and hyphens with at least one dot, like corp.example.com"));
    }

    @Test
    void domainWithUnderscoreIsRefused() {
        LoadResult r = InventoryYaml.base().replace("  domain: corp.example.com", "  domain: corp_ad.example.com")
                .load();
        assertThat(r.problems()).hasSize(1);
        assertThat(r.problems().get(0).path()).isEqualTo("cluster.domain");
    }

    @Test
    void clusterAddressMustBeInTheManagementSubnet() {
        LoadResult r = InventoryYaml.base().replace("  address: 10.0.0.50", "  address: 10.0.1.50").load();
        assertThat(r.problems()).containsExactly(
                error("cluster.address", 3, 12, "10.0.1.50 is not in the management subnet 10.0.0.0/24"));
    }

    @Test
    void clusterAddressMustNotBeTheBroadcastAddress() {
        LoadResult r = InventoryYaml.base().replace("  address: 10.0.0.50", "  address: 10.0.0.255").load();
        assertThat(r.problems()).containsExactly(error("cluster.address", 3, 12,
                "10.0.0.255 is the broadcast address of 10.0.0.0/24; a host cannot use it"));
    }

    @Test
    void clusterAddressMustNotBeTheNetworkAddress() {
        LoadResult r = InventoryYaml.base().replace("  address: 10.0.0.50", "  address: 10.0.0.0").load();
        assertThat(r.problems()).containsExactly(error("cluster.address", 3, 12,
                "10.0.0.0 is the network address of 10.0.0.0/24; a host cannot use it"));
    }

    @Test
    void clusterAddressMustNotCollideWithAHostAddress() {
        LoadResult r = InventoryYaml.base().replace("ip: 10.0.0.12", "ip: 10.0.0.50").load();
        assertThat(r.problems()).containsExactly(
                error("hosts[1].nics.Parent.ip", 27, 45, "10.0.0.50 is already used by cluster.address"));
    }

    @Test
    void leadingZerosInAnAddressAreRefusedWithTheReason() {
        LoadResult r = InventoryYaml.base().replace("  address: 10.0.0.50", "  address: 10.0.0.050").load();
        assertThat(r.problems()).containsExactly(error("cluster.address", 3, 12, "'10.0.0.050' is not an IPv4 address: "
                + "leading zeros are refused (some Windows tools read them as octal)"));
    }
}

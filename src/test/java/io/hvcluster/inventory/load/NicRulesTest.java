package io.hvcluster.inventory.load;

import static io.hvcluster.inventory.check.Problem.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.MacAddress;
import io.hvcluster.testing.InventoryYaml;
import org.junit.jupiter.api.Test;

class NicRulesTest {

    @Test
    void everyHostMapsEveryNetwork() {
        LoadResult r = InventoryYaml.base().removeLine("      Live Migration: { mac: 00-15-5D-0A-02-03, ip: 10.10.2.12 }")
                .load();
        assertThat(r.problems()).containsExactly(error("hosts[1].nics", 26, 5,
                "no NIC for network 'Live Migration'; every host maps every network"));
    }

    @Test
    void nicsKeyMustNameADefinedNetwork() {
        LoadResult r = InventoryYaml.base().replace("      Cluster: { mac: 00-15-5D-0A-02-02", "      Cluser: { mac: "
                + "00-15-5D-0A-02-02").load();
        assertThat(r.problems()).containsExactly(
                error("hosts[1].nics", 26, 5, "no NIC for network 'Cluster'; every host maps every network"),
                error("hosts[1].nics.Cluser", 28, 7, "no network named 'Cluser'; did you mean 'Cluster'?"));
    }

    @Test
    void twoRolesCannotShareAMac() {
        LoadResult r = InventoryYaml.base().replace("mac: 00-15-5D-0A-01-02", "mac: 00-15-5d-0a-01-01").load();
        assertThat(r.problems()).containsExactly(error("hosts[0].nics.Cluster.mac", 21, 23,
                "MAC 00-15-5D-0A-01-01 is already used by hosts[0].nics.Parent; each network needs its own NIC"));
    }

    @Test
    void macsAreUniqueAcrossHosts() {
        LoadResult r = InventoryYaml.base().replace("mac: 00-15-5D-0A-02-01", "mac: 00:15:5D:0A:01:01").load();
        assertThat(r.problems()).containsExactly(error("hosts[1].nics.Parent.mac", 27, 22,
                "MAC 00-15-5D-0A-01-01 is already used by hosts[0].nics.Parent; each network needs its own NIC"));
    }

    @Test
    void macIsNormalisedToWindowsForm() {
        LoadResult r = InventoryYaml.base().replace("mac: 00-15-5D-0A-01-02", "mac: 00155d0a0102").load();
        assertThat(r.problems()).isEmpty();
        assertThat(r.inventory().orElseThrow().hosts().get(0).nic("Cluster").orElseThrow().mac())
                .contains(new MacAddress("00-15-5D-0A-01-02"));
    }

    @Test
    void malformedMacIsRefused() {
        LoadResult r = InventoryYaml.base().replace("mac: 00-15-5D-0A-01-02", "mac: 00-15-5D-0A-01").load();
        assertThat(r.problems()).containsExactly(error("hosts[0].nics.Cluster.mac", 21, 23, "'00-15-5D-0A-01' is not a "
                + "MAC address; expected six hex pairs with one kind of separator, like 00-15-5D-0A-01-02"));
    }

    @Test
    void multicastMacIsRefused() {
        LoadResult r = InventoryYaml.base().replace("mac: 00-15-5D-0A-01-02", "mac: 01-00-5E-00-00-01").load();
        assertThat(r.problems()).containsExactly(error("hosts[0].nics.Cluster.mac", 21, 23,
                "01-00-5E-00-00-01 is a multicast address; a NIC's MAC address is unicast"));
    }

    @Test
    void nicNeedsMacOrName() {
        LoadResult r = InventoryYaml.base().replace("      Virtual 1: { name: Ethernet 4 }", "      Virtual 1: {}").load();
        assertThat(r.problems()).containsExactly(
                error("hosts[1].nics.Virtual 1", 30, 7, "needs mac or name to identify the adapter"));
    }

    @Test
    void nicGivesMacOrNameNotBoth() {
        LoadResult r = InventoryYaml.base().replace("      Virtual 1: { name: Ethernet 4 }",
                "      Virtual 1: { mac: 00-15-5D-0A-02-04, name: Ethernet 4 }").load();
        assertThat(r.problems()).containsExactly(
                error("hosts[1].nics.Virtual 1.name", 30, 50, "give mac or name, not both"));
    }

    @Test
    void twoRolesCannotShareAnAdapterName() {
        LoadResult r = InventoryYaml.base().replace("      Live Migration: { mac: 00-15-5D-0A-02-03, ip: 10.10.2.12 }",
                "      Live Migration: { name: ethernet 4, ip: 10.10.2.12 }").load();
        assertThat(r.problems()).containsExactly(error("hosts[1].nics.Virtual 1.name", 30, 26,
                "adapter 'Ethernet 4' is already used by hosts[1].nics.Live Migration; each network needs its own NIC"));
    }

    @Test
    void ipMustBeInsideItsNetwork() {
        LoadResult r = InventoryYaml.base().replace("ip: 10.10.2.11", "ip: 10.10.1.99").load();
        assertThat(r.problems()).containsExactly(error("hosts[0].nics.Live Migration.ip", 22, 53,
                "10.10.1.99 is not in the 'Live Migration' subnet 10.10.2.0/24"));
    }

    @Test
    void ipMustNotBeTheBroadcastAddress() {
        LoadResult r = InventoryYaml.base().replace("ip: 10.10.1.11", "ip: 10.10.1.255").load();
        assertThat(r.problems()).containsExactly(error("hosts[0].nics.Cluster.ip", 21, 46,
                "10.10.1.255 is the broadcast address of 10.10.1.0/24; a host cannot use it"));
    }

    @Test
    void ipIsRequiredOnAddressedNetworks() {
        LoadResult r = InventoryYaml.base().replace("mac: 00-15-5D-0A-01-02, ip: 10.10.1.11", "mac: 00-15-5D-0A-01-02")
                .load();
        assertThat(r.problems()).containsExactly(error("hosts[0].nics.Cluster.ip", 21, 7,
                "is required: network 'Cluster' has subnet 10.10.1.0/24"));
    }

    @Test
    void virtualSwitchNicHasNoIp() {
        LoadResult r = InventoryYaml.base().replace("      Virtual 1: { mac: 00-15-5D-0A-01-04 }",
                "      Virtual 1: { mac: 00-15-5D-0A-01-04, ip: 10.0.0.99 }").load();
        assertThat(r.problems()).containsExactly(error("hosts[0].nics.Virtual 1.ip", 23, 48,
                "a virtual-switch network carries no host address; remove ip"));
    }

    @Test
    void ipsAreUniqueAcrossTheInventory() {
        LoadResult r = InventoryYaml.base().replace("ip: 10.10.2.12", "ip: 10.10.2.11").load();
        assertThat(r.problems()).containsExactly(error("hosts[1].nics.Live Migration.ip", 29, 53,
                "10.10.2.11 is already used by hosts[0].nics.Live Migration.ip"));
    }

    @Test
    void hostIpMustNotBeTheGateway() {
        LoadResult r = InventoryYaml.base().replace("ip: 10.0.0.11", "ip: 10.0.0.1").load();
        assertThat(r.problems()).containsExactly(
                error("hosts[0].nics.Parent.ip", 20, 45, "10.0.0.1 is already used by networks[0].gateway"));
    }

    @Test
    void nicsAreOrderedLikeTheNetworks() {
        LoadResult r = InventoryYaml.base().replace("      Parent: { mac: 00-15-5D-0A-01-01, ip: 10.0.0.11 }\n", "")
                .replace("      Virtual 1: { mac: 00-15-5D-0A-01-04 }\n",
                        "      Virtual 1: { mac: 00-15-5D-0A-01-04 }\n      Parent: { mac: 00-15-5D-0A-01-01, ip: 10.0.0.11 }\n")
                .load();
        assertThat(r.problems()).isEmpty();
        assertThat(r.inventory().orElseThrow().hosts().get(0).nics()).extracting(n -> n.network())
                .containsExactly("Parent", "Cluster", "Live Migration", "Virtual 1");
    }

    @Test
    void nicThatIsNotAMapIsOneError() {
        LoadResult r = InventoryYaml.base().replace("      Virtual 1: { name: Ethernet 4 }", "      Virtual 1: [Ethernet 4]")
                .load();
        assertThat(r.problems()).containsExactly(
                error("hosts[1].nics.Virtual 1", 30, 7, "expected a map of keys and values, found a list"));
    }

    @Test
    void unreadableNetworkNameIsNotReportedOnEveryHost() {
        LoadResult r = InventoryYaml.base().replace("{ name: Virtual 1, purpose", "{ name: [Virtual 1], purpose").load();
        assertThat(r.problems()).containsExactly(
                error("networks[3].name", 15, 13, "expected a text value, found a list"));
    }
}

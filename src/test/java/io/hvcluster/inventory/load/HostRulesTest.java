package io.hvcluster.inventory.load;

import static io.hvcluster.inventory.check.Problem.error;
import static io.hvcluster.inventory.check.Problem.warning;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.testing.InventoryYaml;
import org.junit.jupiter.api.Test;

class HostRulesTest {

    private static final String SECOND_HOST = """
              - name: HV02
                address: hv02.corp.example.com
                nics:
                  Parent: { mac: 00-15-5D-0A-02-01, ip: 10.0.0.12 }
                  Cluster: { mac: 00-15-5D-0A-02-02, ip: 10.10.1.12 }
                  Live Migration: { mac: 00-15-5D-0A-02-03, ip: 10.10.2.12 }
                  Virtual 1: { name: Ethernet 4 }
            """;

    @Test
    void oneNodeIsTooFew() {
        LoadResult r = InventoryYaml.base().replace(SECOND_HOST, "").load();
        assertThat(r.problems()).containsExactly(error("hosts", 16, 1, "a failover cluster needs at least 2 nodes; found 1"));
    }

    @Test
    void twoNodesAreEnough() {
        assertThat(InventoryYaml.base().load().problems()).isEmpty();
    }

    @Test
    void sixtyFiveNodesAreTooMany() {
        StringBuilder hosts = new StringBuilder();
        for (int i = 3; i <= 65; i++) {
            hosts.append("""
                      - name: N%1$d
                        address: n%1$d.corp.example.com
                        nics:
                          Parent: { mac: 00-15-5D-0B-00-%1$02X, ip: 10.0.0.%2$d }
                          Cluster: { mac: 00-15-5D-0C-00-%1$02X, ip: 10.10.1.%2$d }
                          Live Migration: { mac: 00-15-5D-0D-00-%1$02X, ip: 10.10.2.%2$d }
                          Virtual 1: { mac: 00-15-5D-0E-00-%1$02X }
                    """.formatted(i, 100 + i));
        }
        LoadResult r = InventoryYaml.base().replace("connection:\n", hosts + "connection:\n").load();
        assertThat(r.problems()).containsExactly(error("hosts", 16, 1,
                "a failover cluster has at most 64 nodes (Windows Server 2016 and later); found 65"));
    }

    @Test
    void sixtyFourNodesAreAllowed() {
        StringBuilder hosts = new StringBuilder();
        for (int i = 3; i <= 64; i++) {
            hosts.append("""
                      - name: N%1$d
                        address: n%1$d.corp.example.com
                        nics:
                          Parent: { mac: 00-15-5D-0B-00-%1$02X, ip: 10.0.0.%2$d }
                          Cluster: { mac: 00-15-5D-0C-00-%1$02X, ip: 10.10.1.%2$d }
                          Live Migration: { mac: 00-15-5D-0D-00-%1$02X, ip: 10.10.2.%2$d }
                          Virtual 1: { mac: 00-15-5D-0E-00-%1$02X }
                    """.formatted(i, 100 + i));
        }
        LoadResult r = InventoryYaml.base().replace("connection:\n", hosts + "connection:\n").load();
        assertThat(r.problems()).isEmpty();
        assertThat(r.inventory().orElseThrow().hosts()).hasSize(64);
    }

    @Test
    void hostNamesAreUniqueIgnoringCase() {
        LoadResult r = InventoryYaml.base().replace("  - name: HV02", "  - name: hv01")
                .replace("address: hv02.corp.example.com", "address: hv01b.corp.example.com").load();
        assertThat(r.problems()).containsExactly(
                error("hosts[1].name", 24, 11, "duplicate host name 'hv01' (hosts[0] is 'HV01'; computer names ignore case)"),
                warning("hosts[1].address", 25, 14,
                        "'hv01b.corp.example.com' does not start with the host name 'hv01'; check for a copy-paste slip"));
    }

    @Test
    void hostNameLongerThanFifteenCharactersIsRefused() {
        LoadResult r = InventoryYaml.base().replace("  - name: HV01", "  - name: HYPERVHOST000001")
                .replace("address: hv01.corp.example.com", "address: 10.0.0.11").load();
        assertThat(r.problems()).containsExactly(
                error("hosts[0].name", 17, 11,
                        "'HYPERVHOST000001' has 16 characters; a computer name has at most 15 (NetBIOS limit)"),
                warning("hosts[0].address", 18, 14, "Kerberos needs a DNS name: an IP address has no service principal "
                        + "name unless one was registered; use the host's FQDN"));
    }

    @Test
    void hostNameWithUnderscoreIsRefused() {
        LoadResult r = InventoryYaml.base().replace("  - name: HV01", "  - name: HV_01").load();
        assertThat(r.problems()).containsExactly(error("hosts[0].name", 17, 11,
                "'HV_01' contains '_'; a computer name allows only letters, digits and hyphens"));
    }

    @Test
    void fqdnAsHostNameGetsAHint() {
        LoadResult r = InventoryYaml.base().replace("  - name: HV01", "  - name: HV01.corp").load();
        assertThat(r.problems()).containsExactly(error("hosts[0].name", 17, 11, "'HV01.corp' contains '.'; a computer "
                + "name allows only letters, digits and hyphens (give the short name, not the FQDN)"));
    }

    @Test
    void allDigitHostNameIsRefused() {
        LoadResult r = InventoryYaml.base().replace("  - name: HV01", "  - name: 2019")
                .replace("address: hv01.corp.example.com", "address: 2019.corp.example.com").load();
        assertThat(r.problems()).containsExactly(error("hosts[0].name", 17, 11,
                "'2019' is all digits; Windows refuses a computer name made only of digits"));
    }

    @Test
    void hostAddressMustBeADnsNameOrIpv4() {
        LoadResult r = InventoryYaml.base().replace("address: hv01.corp.example.com", "address: hv01_corp").load();
        assertThat(r.problems()).containsExactly(error("hosts[0].address", 18, 14,
                "'hv01_corp' is neither a DNS name nor an IPv4 address"));
    }

    @Test
    void hostAddressThatLooksLikeAnIpMustBeOne() {
        LoadResult r = InventoryYaml.base().replace("address: hv01.corp.example.com", "address: 10.0.0.300").load();
        assertThat(r.problems()).containsExactly(error("hosts[0].address", 18, 14,
                "'10.0.0.300' is not an IPv4 address; expected four numbers 0-255, like 10.0.0.11"));
    }

    @Test
    void hostAddressesAreUnique() {
        LoadResult r = InventoryYaml.base().replace("address: hv02.corp.example.com", "address: HV01.corp.example.com")
                .replace("  - name: HV02", "  - name: HV01B").load();
        assertThat(r.problems()).containsExactly(
                error("hosts[1].address", 25, 14, "'HV01.corp.example.com' is already the address of hosts[0]"),
                warning("hosts[1].address", 25, 14,
                        "'HV01.corp.example.com' does not start with the host name 'HV01B'; check for a copy-paste slip"));
    }

    @Test
    void ipAddressWithBasicAuthIsNotAKerberosConcern() {
        LoadResult r = InventoryYaml.base().replace("address: hv01.corp.example.com", "address: 10.0.0.11")
                .replace("  auth: kerberos", "  auth: basic").replace("username: hvadmin@CORP.EXAMPLE.COM",
                        "username: hvadmin").load();
        assertThat(r.problems()).isEmpty();
    }
}

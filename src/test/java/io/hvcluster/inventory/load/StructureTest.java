package io.hvcluster.inventory.load;

import static io.hvcluster.inventory.check.Problem.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.testing.InventoryYaml;
import org.junit.jupiter.api.Test;

/** Keys, types and required fields: one error at the value at fault. */
class StructureTest {

    @Test
    void misspeltKeyGetsADidYouMeanHint() {
        LoadResult r = InventoryYaml.base().replace("  address: 10.0.0.50", "  adress: 10.0.0.50").load();
        assertThat(r.problems()).containsExactly(
                error("cluster.address", 1, 1, "is required"),
                error("cluster.adress", 3, 3, "unknown key 'adress'; did you mean 'address'?"));
    }

    @Test
    void caseOnlyDifferenceGetsAHint() {
        LoadResult r = InventoryYaml.base().replace("  sharedVolumes:", "  sharedvolumes:").load();
        assertThat(r.problems()).containsExactly(
                error("cluster.sharedvolumes", 7, 3, "unknown key 'sharedvolumes'; did you mean 'sharedVolumes'?"));
    }

    @Test
    void unknownKeyFarFromAnyListsTheAllowedKeys() {
        LoadResult r = InventoryYaml.base().replace("  port: 5986", "  port: 5986\n  proxy: none").load();
        assertThat(r.problems()).containsExactly(error("connection.proxy", 33, 3, "unknown key 'proxy' (allowed: port, "
                + "https, auth, username, password, skipCertificateCheck, connectTimeoutSeconds, "
                + "operationTimeoutSeconds, allowPasswordOverHttp, secondHop)"));
    }

    @Test
    void unknownSectionIsAnError() {
        LoadResult r = InventoryYaml.base().append("hosst: []\n").load();
        assertThat(r.problems()).containsExactly(error("hosst", 37, 1, "unknown key 'hosst'; did you mean 'hosts'?"));
    }

    @Test
    void textForANumberIsOneErrorAtTheValue() {
        LoadResult r = InventoryYaml.base().replace("  port: 5986", "  port: abc").load();
        assertThat(r.problems()).containsExactly(error("connection.port", 32, 9, "expected a whole number, found 'abc'"));
    }

    @Test
    void quotedNumberIsNotANumber() {
        LoadResult r = InventoryYaml.base().replace("  port: 5986", "  port: \"5986\"").load();
        assertThat(r.problems()).containsExactly(
                error("connection.port", 32, 9, "expected a whole number, found the quoted text '5986'"));
    }

    @Test
    void listWhereAMapIsExpectedIsOneError() {
        LoadResult r = InventoryYaml.base()
                .replace("  witness: { label: Witness, serial: WITNESS-01, sizeMB: 1024 }", "  witness: [Witness]")
                .load();
        assertThat(r.problems()).containsExactly(
                error("cluster.witness", 6, 3, "expected a map of keys and values, found a list"));
    }

    @Test
    void mapWhereAListIsExpectedIsOneError() {
        LoadResult r = InventoryYaml.base().replace("dns: [10.0.0.10]", "dns: { a: 10.0.0.10 }").load();
        assertThat(r.problems()).containsExactly(error("networks[0].dns", 12, 87, "expected a list, found a map"));
    }

    @Test
    void yesIsNotABoolean() {
        LoadResult r = InventoryYaml.base().replace("  https: true", "  https: yes").load();
        assertThat(r.problems()).containsExactly(error("connection.https", 33, 10, "expected true or false, found 'yes'"));
    }

    @Test
    void enumValueListsTheAllowedValues() {
        LoadResult r = InventoryYaml.base().replace("  quorum: auto", "  quorum: majority").load();
        assertThat(r.problems()).containsExactly(error("cluster.quorum", 5, 11, "'majority' is not a valid quorum mode; "
                + "expected one of: auto, node-majority, node-and-disk-majority"));
    }

    @Test
    void unknownOsNamesTheSupportedVersions() {
        LoadResult r = InventoryYaml.base().replace("  quorum: auto", "  quorum: auto\n  os: windows-server-2012")
                .load();
        assertThat(r.problems()).containsExactly(error("cluster.os", 6, 7, "'windows-server-2012' is not a valid os; "
                + "expected one of: windows-server-2016, windows-server-2019, windows-server-2022, windows-server-2025 "
                + "(did you mean 'windows-server-2016'?)"));
    }

    @Test
    void missingSectionIsReportedAtTheRoot() {
        LoadResult r = InventoryLoader.load(InventoryYaml.base().text().substring(
                InventoryYaml.base().text().indexOf("networks:")), "t.yaml");
        assertThat(r.problems()).contains(error("cluster", 1, 1, "is required"));
    }

    @Test
    void keyWithoutValueCountsAsMissing() {
        LoadResult r = InventoryYaml.base().replace("  domain: corp.example.com", "  domain:").load();
        assertThat(r.problems()).containsExactly(error("cluster.domain", 4, 3, "is required"));
    }

    @Test
    void oneMistakeDoesNotHideMistakesElsewhere() {
        LoadResult r = InventoryYaml.base()
                .replace("  address: 10.0.0.50", "  address: 10.0.0.500")
                .replace("  port: 5986", "  prot: 5986")
                .replace("ip: 10.10.1.12", "ip: 10.10.9.12")
                .load();
        assertThat(r.problems()).containsExactly(
                error("cluster.address", 3, 12,
                        "'10.0.0.500' is not an IPv4 address; expected four numbers 0-255, like 10.0.0.11"),
                error("hosts[1].nics.Cluster.ip", 28, 46, "10.10.9.12 is not in the 'Cluster' subnet 10.10.1.0/24"),
                error("connection.prot", 32, 3, "unknown key 'prot'; did you mean 'port'?"));
        assertThat(r.inventory()).isEmpty();
    }
}

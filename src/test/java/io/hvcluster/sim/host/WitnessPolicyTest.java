package io.hvcluster.sim.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.testing.InventoryYaml;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 3, on the simulator: the inventory's witness is configured whatever the node count, and a witness
 * the inventory does not describe is never removed.
 */
class WitnessPolicyTest {

    private static final String WITNESS = "  witness: { label: Witness, serial: WITNESS-01, sizeMB: 1024 }";

    private static Inventory load(InventoryYaml yaml) {
        return yaml.load().inventory().orElseThrow(() -> new AssertionError(yaml.load().problems().toString()));
    }

    private static List<String> warnings(SimulatedBuild.Run r) {
        assertThat(r.result().exitCode()).as(r.result().stderr()).isZero();
        return StreamSupport.stream(r.json().get("warnings").spliterator(), false).map(n -> n.asText()).toList();
    }

    @Test
    void threeNodesWithAWitnessDiskGetTheDiskWitnessNotNodeMajority() {
        SimulatedBuild build = SimulatedBuild.fresh(load(InventoryYaml.base().withHost(3)));
        build.runBefore("configure-quorum");
        SimulatedBuild.Run r = build.run("configure-quorum", "HV01");
        assertThat(r.result().exitCode()).as(r.result().stderr()).isZero();
        assertThat(build.dc.clusterOf("HV01").orElseThrow().quorumResource).isEqualTo("Witness");
        assertThat(build.run("configure-quorum", "HV01").changed()).as("second run").isFalse();
    }

    @Test
    void aWitnessResourceNamedInAnotherCaseIsRenamedNotSetAgain() {
        SimulatedBuild build = SimulatedBuild.fresh(load(InventoryYaml.base().withHost(3)));
        build.runBefore("configure-quorum");
        build.run("configure-quorum", "HV01");
        SimulatedCluster c = build.dc.clusterOf("HV01").orElseThrow();
        c.diskResource("Witness").orElseThrow().name = "witness";
        c.quorumResource = "witness";
        SimulatedBuild.Run r = build.run("configure-quorum", "HV01");
        assertThat(r.result().exitCode()).as(r.result().stderr()).isZero();
        assertThat(StreamSupport.stream(r.json().get("changes").spliterator(), false).map(n -> n.asText()).toList())
                .containsExactly("renamed cluster resource 'witness' to 'Witness'");
        assertThat(c.quorumResource).isEqualTo("Witness");
    }

    @Test
    void aWitnessAddedOutOfBandSurvivesAnInventoryWithoutOne() {
        SimulatedBuild build = SimulatedBuild.fresh(load(InventoryYaml.base().withHost(3).removeLine(WITNESS)));
        build.runBefore("configure-quorum");
        SimulatedCluster c = build.dc.clusterOf("HV01").orElseThrow();
        c.quorumResource = "File Share Witness";
        c.quorumType = "File Share Witness";
        c.witnessSharePath = "\\\\fs01\\witness";
        SimulatedBuild.Run r = build.run("configure-quorum", "HV01");
        assertThat(r.changed()).isFalse();
        assertThat(c.quorumResource).isEqualTo("File Share Witness");
        assertThat(warnings(r)).singleElement().asString()
                .contains("'File Share Witness' (File Share Witness, \\\\fs01\\witness)", "does not describe", "left in place");
    }

    @Test
    void nodeMajorityWrittenReleasesOnlyTheInventorysOwnDisk() {
        SimulatedBuild build = SimulatedBuild.fresh(load(InventoryYaml.base().withHost(3).replace("  quorum: auto", "  quorum: node-majority")));
        build.runBefore("configure-quorum");
        assertThat(build.run("configure-quorum", "HV01").changed()).as("the disk is added and labelled").isTrue();
        SimulatedCluster c = build.dc.clusterOf("HV01").orElseThrow();
        assertThat(c.quorumResource).as("node majority, as written").isEmpty();
        c.setWitness("Cloud Witness", "Cloud Witness", "", "hvclwitness");
        assertThat(build.run("configure-quorum", "HV01").changed()).as("someone else's cloud witness stays").isFalse();
        assertThat(c.quorumResource).isEqualTo("Cloud Witness");
        c.setWitness("Witness", "Physical Disk", "", "");
        assertThat(build.run("configure-quorum", "HV01").changed()).as("the inventory's own disk is released").isTrue();
        assertThat(c.quorumResource).isEmpty();
        assertThat(c.diskResource("Witness").orElseThrow().ownerGroup).isEqualTo("Available Storage");
    }

    @Test
    void aTwoNodeClusterWithoutAWitnessLunUsesAFileShareWitness() {
        Inventory inv = load(InventoryYaml.base().removeLine(WITNESS)
                .replace("  quorum: auto\n", "  quorum: auto\n  fileShareWitness: '\\\\fs01.corp.example.com\\HVCL01-Witness'\n"));
        SimulatedBuild build = SimulatedBuild.fresh(inv);
        build.runBefore("configure-quorum");
        SimulatedBuild.Run r = build.run("configure-quorum", "HV01");
        assertThat(r.result().exitCode()).as(r.result().stderr()).isZero();
        SimulatedCluster c = build.dc.clusterOf("HV01").orElseThrow();
        assertThat(c.quorumType).isEqualTo("File Share Witness");
        assertThat(c.witnessSharePath).isEqualTo("\\\\fs01.corp.example.com\\HVCL01-Witness");
        assertThat(c.diskResources).as("no witness LUN was needed").noneMatch(d -> d.ownerGroup.equals("Cluster Group"));
        assertThat(build.run("configure-quorum", "HV01").changed()).as("second run").isFalse();
    }

    @Test
    void aCloudWitnessReadsItsKeyOnlyFromHvcSecrets() {
        Inventory inv = load(InventoryYaml.base().removeLine(WITNESS)
                .replace("  quorum: auto\n", "  quorum: auto\n  cloudWitness: { accountName: hvclwitness, accessKey: { env: HVCL_WITNESS_KEY } }\n"));
        SimulatedBuild build = SimulatedBuild.fresh(inv);
        build.runBefore("configure-quorum");
        SimulatedBuild.Run r = build.run("configure-quorum", "HV01");
        assertThat(r.result().exitCode()).as(r.result().stderr()).isZero();
        SimulatedCluster c = build.dc.clusterOf("HV01").orElseThrow();
        assertThat(c.quorumResource).isEqualTo("Cloud Witness");
        assertThat(c.witnessAccountName).isEqualTo("hvclwitness");
        String script = SimulatedBuild.render(inv, build.pipeline.step("configure-quorum").orElseThrow(),
                build.pipeline.step("configure-quorum").orElseThrow().phases().get(0), inv.firstNode());
        assertThat(script).contains("$HvcSecrets").doesNotContain(SimulatedBuild.CLOUD_KEY.reveal());
    }

    @Test
    void aCloudWitnessWithoutItsKeyFailsClearly() {
        Inventory inv = load(InventoryYaml.base().removeLine(WITNESS)
                .replace("  quorum: auto\n", "  quorum: auto\n  cloudWitness: { accountName: hvclwitness, accessKey: { env: HVCL_WITNESS_KEY } }\n"));
        SimulatedBuild build = SimulatedBuild.fresh(inv);
        build.runBefore("configure-quorum");
        var step = build.pipeline.step("configure-quorum").orElseThrow();
        var result = build.execute("HV01", step.id(), "apply", SimulatedBuild.render(inv, step, step.phases().get(0), inv.firstNode()), java.util.Map.of());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("no access key for the cloud witness on storage account hvclwitness");
        assertThat(build.dc.clusterOf("HV01").orElseThrow().quorumResource).isEmpty();
    }
}

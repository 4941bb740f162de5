package io.hvcluster.inventory.load;

import static io.hvcluster.inventory.check.Problem.error;
import static io.hvcluster.inventory.check.Problem.warning;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.QuorumMode;
import io.hvcluster.testing.InventoryYaml;
import org.junit.jupiter.api.Test;

class QuorumRulesTest {

    private static final String WITNESS = "  witness: { label: Witness, serial: WITNESS-01, sizeMB: 1024 }";
    private static final String KINDS = "witness (a disk), fileShareWitness or cloudWitness";
    private static final String SHARE = "  fileShareWitness: '\\\\fs01.corp.example.com\\HVCL01-Witness'";
    private static final String CLOUD = "  cloudWitness: { accountName: hvclwitness, accessKey: { env: HVCL_WITNESS_KEY } }";

    @Test
    void nodeAndDiskMajorityNeedsAWitness() {
        LoadResult r = InventoryYaml.base().removeLine(WITNESS)
                .replace("  quorum: auto", "  quorum: node-and-disk-majority").load();
        assertThat(r.problems()).containsExactly(
                error("cluster.witness", 5, 11, "missing: quorum node-and-disk-majority needs a witness: " + KINDS));
    }

    @Test
    void nodeAndDiskMajorityWithAWitnessIsValid() {
        LoadResult r = InventoryYaml.base().replace("  quorum: auto", "  quorum: node-and-disk-majority").load();
        assertThat(r.problems()).isEmpty();
        assertThat(r.inventory().orElseThrow().cluster().quorum()).isEqualTo(QuorumMode.NODE_AND_DISK_MAJORITY);
    }

    @Test
    void autoWithAnEvenNodeCountNeedsAWitness() {
        LoadResult r = InventoryYaml.base().removeLine(WITNESS).load();
        assertThat(r.problems()).containsExactly(error("cluster.witness", 5, 11,
                "missing: quorum auto with 2 nodes (an even count) needs a witness as tie-breaker: " + KINDS));
    }

    @Test
    void defaultQuorumIsAutoAndIsReportedAtTheClusterKey() {
        LoadResult r = InventoryYaml.base().removeLine(WITNESS).removeLine("  quorum: auto").load();
        assertThat(r.problems()).containsExactly(error("cluster.witness", 1, 1,
                "missing: quorum auto with 2 nodes (an even count) needs a witness as tie-breaker: " + KINDS));
    }

    @Test
    void oddNodeCountWithoutAWitnessIsOnlyAWarning() {
        LoadResult r = InventoryYaml.base().withHost(3).removeLine(WITNESS).load();
        assertThat(r.problems()).containsExactly(warning("cluster.witness", 5, 11,
                "no witness defined; Microsoft recommends a witness on every cluster: add " + KINDS
                        + ", or write quorum: node-majority to run without one"));
        assertThat(r.inventory()).isPresent();
        assertThat(r.inventory().orElseThrow().cluster().effectiveQuorum(3)).isEqualTo(QuorumMode.NODE_MAJORITY);
    }

    @Test
    void oddNodeCountWithAWitnessHasNoWarning() {
        assertThat(InventoryYaml.base().withHost(3).load().problems()).isEmpty();
    }

    @Test
    void nodeMajorityWithAnEvenCountAndNoWitnessIsAWarning() {
        LoadResult r = InventoryYaml.base().removeLine(WITNESS).replace("  quorum: auto", "  quorum: node-majority")
                .load();
        assertThat(r.problems()).containsExactly(warning("cluster.witness", 5, 11, "missing: node-majority with 2 nodes "
                + "(an even count) loses quorum when half of the nodes fail; add " + KINDS));
    }

    @Test
    void witnessBelow512MbIsRefused() {
        LoadResult r = InventoryYaml.base().replace("sizeMB: 1024", "sizeMB: 500").load();
        assertThat(r.problems()).containsExactly(error("cluster.witness.sizeMB", 6, 58,
                "500 MB is below the 512 MB minimum for a witness disk"));
    }

    @Test
    void witnessOfExactly512MbIsAccepted() {
        LoadResult r = InventoryYaml.base().replace("sizeMB: 1024", "sizeMB: 512").load();
        assertThat(r.problems()).isEmpty();
        assertThat(r.inventory().orElseThrow().cluster().witness().orElseThrow().sizeBytes()).contains(512L << 20);
    }

    // ---- issue 12 item 3: witness policy ----

    @Test
    void threeNodesWithAWitnessDiskConfigureTheWitnessNotNodeMajority() {
        LoadResult r = InventoryYaml.base().withHost(3).load();
        assertThat(r.problems()).isEmpty();
        assertThat(r.inventory().orElseThrow().cluster().effectiveQuorum(3)).isEqualTo(QuorumMode.NODE_AND_DISK_MAJORITY);
    }

    @Test
    void nodeMajorityWrittenWithAWitnessIsHonouredWithAWarning() {
        LoadResult r = InventoryYaml.base().withHost(3).replace("  quorum: auto", "  quorum: node-majority").load();
        assertThat(r.problems()).containsExactly(warning("cluster.quorum", 5, 11, "node-majority leaves the witness defined "
                + "here unused; Microsoft recommends a witness on every cluster (dynamic witness): use quorum auto"));
        assertThat(r.inventory().orElseThrow().cluster().effectiveQuorum(3)).isEqualTo(QuorumMode.NODE_MAJORITY);
    }

    @Test
    void aTwoNodeClusterWithAFileShareWitnessNeedsNoLun() {
        LoadResult r = InventoryYaml.base().replace(WITNESS, SHARE).load();
        assertThat(r.problems()).isEmpty();
        var c = r.inventory().orElseThrow().cluster();
        assertThat(c.witness()).isEmpty();
        assertThat(c.externalWitness()).contains(new io.hvcluster.inventory.ExternalWitness.FileShare("\\\\fs01.corp.example.com\\HVCL01-Witness"));
        assertThat(c.effectiveQuorum(2)).isEqualTo(QuorumMode.NODE_AND_DISK_MAJORITY);
    }

    @Test
    void aFileShareWitnessIsAUncPath() {
        LoadResult r = InventoryYaml.base().replace(WITNESS, "  fileShareWitness: 'C:\\Witness'").load();
        assertThat(r.problems()).containsExactly(error("cluster.fileShareWitness", 6, 21,
                "expected a UNC path \\\\server\\share (a share on a server outside the cluster)"));
    }

    @Test
    void aCloudWitnessTakesItsKeyFromTheEnvironment() {
        LoadResult r = InventoryYaml.base().replace(WITNESS, CLOUD).load();
        assertThat(r.problems()).isEmpty();
        assertThat(r.inventory().orElseThrow().cluster().externalWitness()).contains(new io.hvcluster.inventory.ExternalWitness.Cloud(
                "hvclwitness", "core.windows.net", new io.hvcluster.inventory.PasswordSource.Environment("HVCL_WITNESS_KEY")));
    }

    @Test
    void aCloudWitnessKeyWrittenInTheFileIsRefusedWithoutRepeatingIt() {
        LoadResult r = InventoryYaml.base().replace(WITNESS, "  cloudWitness: { accountName: hvclwitness, accessKey: Zm9vYmFyS2V5 }").load();
        assertThat(r.problems()).extracting(Object::toString).anySatisfy(p -> assertThat(p)
                .contains("cluster.cloudWitness.accessKey", "must not hold the access key itself; use { env: VARIABLE }"))
                .noneSatisfy(p -> assertThat(p).contains("Zm9vYmFyS2V5"));
    }

    @Test
    void aClusterHasOneWitness() {
        LoadResult r = InventoryYaml.base().replace(WITNESS, WITNESS + "\n" + SHARE).load();
        assertThat(r.problems()).containsExactly(error("cluster.fileShareWitness", 7, 3,
                "a cluster has one witness; define only one of " + KINDS));
    }
}

package io.hvcluster.inventory.load;

import static io.hvcluster.inventory.check.Problem.error;
import static io.hvcluster.inventory.check.Problem.warning;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.QuorumMode;
import io.hvcluster.testing.InventoryYaml;
import org.junit.jupiter.api.Test;

class QuorumRulesTest {

    private static final String WITNESS = "  witness: { label: Witness, serial: WITNESS-01, sizeMB: 1024 }";

    @Test
    void nodeAndDiskMajorityNeedsAWitness() {
        LoadResult r = InventoryYaml.base().removeLine(WITNESS)
                .replace("  quorum: auto", "  quorum: node-and-disk-majority").load();
        assertThat(r.problems()).containsExactly(
                error("cluster.witness", 5, 11, "missing: quorum node-and-disk-majority needs a witness disk"));
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
                "missing: quorum auto with 2 nodes (an even count) needs a witness disk as tie-breaker"));
    }

    @Test
    void defaultQuorumIsAutoAndIsReportedAtTheClusterKey() {
        LoadResult r = InventoryYaml.base().removeLine(WITNESS).removeLine("  quorum: auto").load();
        assertThat(r.problems()).containsExactly(error("cluster.witness", 1, 1,
                "missing: quorum auto with 2 nodes (an even count) needs a witness disk as tie-breaker"));
    }

    @Test
    void oddNodeCountWithoutAWitnessIsOnlyAWarning() {
        LoadResult r = InventoryYaml.base().withHost(3).removeLine(WITNESS).load();
        assertThat(r.problems()).containsExactly(warning("cluster.witness", 5, 11,
                "no witness disk defined; the guide advises creating it anyway: the cluster may grow"));
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
                + "(an even count) loses quorum when half of the nodes fail; add a witness disk"));
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
}

package io.hvcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.ClusterSpec;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Action;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.testing.FactsFixtures;
import io.hvcluster.testing.InventoryFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 12 item 11: when the final validation runs again, and what it says about storage. */
class FinalValidationStepTest {

    private static final Inventory INV = InventoryFixtures.fourNodes();
    private final FinalValidationStep step = new FinalValidationStep();
    private final Host first = INV.firstNode();

    private StepPlan diff(Map<String, HostFacts> facts) {
        return step.diff(first, new FactsView(INV, facts));
    }

    private static Map<String, HostFacts> withMark(HostFacts.ValidationMark mark) {
        Map<String, HostFacts> m = FactsFixtures.converged(INV);
        return FactsFixtures.withHost(m, "HV01", f -> new HostFacts(f.probe(), f.computerName(), f.errors(), f.os(), f.cpu(), f.system(),
                f.features(), f.adapters(), f.sessionAdapters(), f.disks(), f.cluster(), f.hyperV(), false, mark, null, null, null));
    }

    @Test
    void anApprovedMarkOfThisConfigurationIsConverged() {
        assertThat(diff(FactsFixtures.converged(INV)).inDesiredState()).isTrue();
    }

    @Test
    void withoutAMarkItValidatesEveryCategoryOnTheInventoryDisks() {
        StepPlan p = diff(withMark(null));
        assertThat(p.changes()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(Action.RUN);
            assertThat(c.after()).contains("every category; storage tests on " + String.join(", ", step.parameters(INV, first).disks()));
        });
    }

    @Test
    void aChangedInventoryOrAFailedValidationValidatesAgainAndSaysWhy() {
        HostFacts.ValidationMark old = new HostFacts.ValidationMark("0123", "C:\\r.htm", "ClusterConditionallyApproved", true, "t");
        assertThat(diff(withMark(old)).changes().get(0).after()).endsWith("(the configuration changed since the last approved validation)");
        HostFacts.ValidationMark failed = new HostFacts.ValidationMark(FinalValidationStep.fingerprint(INV), "C:\\r.htm",
                "HadUnselectedTests, ClusterNotApproved", false, "t");
        assertThat(diff(withMark(failed)).changes().get(0).after())
                .endsWith("(the last validation was not approved: HadUnselectedTests, ClusterNotApproved)");
    }

    @Test
    void aClusterRunningRolesIsPlannedWithoutStorage() {
        Map<String, HostFacts> facts = FactsFixtures.withCluster(withMark(null), c -> {
            List<HostFacts.Group> groups = new ArrayList<>(c.groups());
            groups.add(new HostFacts.Group("VM01", "VirtualMachine", "Online", "HV02"));
            return new HostFacts.Cluster(c.service(), c.member(), c.name(), c.nodes(), c.quorumResource(), c.diskResources(),
                    c.sharedVolumes(), c.networks(), groups, c.migrationNetworkOrder(), c.migrationExcludeNetworks());
        });
        assertThat(diff(facts).changes().get(0).after()).contains("every category but Storage: the cluster runs 1 role(s)");
    }

    @Test
    void theFingerprintFollowsTheConfigurationNotTheCredentials() {
        ClusterSpec c = INV.cluster();
        Inventory renamed = new Inventory(INV.source(), new ClusterSpec("HVCL02", c.address(), c.domain(), c.targetOs(), c.quorum(),
                c.witness(), c.sharedVolumes(), c.virtualSwitches(), c.disableUnusedAdapters()), INV.networks(), INV.hosts(),
                INV.connection(), INV.capacity());
        assertThat(FinalValidationStep.fingerprint(renamed)).isNotEqualTo(FinalValidationStep.fingerprint(INV)).hasSize(32);
        Inventory otherFile = new Inventory("elsewhere.yaml", INV.cluster(), INV.networks(), INV.hosts(), INV.connection(), INV.capacity());
        assertThat(FinalValidationStep.fingerprint(otherFile)).isEqualTo(FinalValidationStep.fingerprint(INV));
    }
}

package io.hvcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Change;
import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.testing.FactsFixtures;
import io.hvcluster.testing.InventoryFixtures;
import io.hvcluster.windows.AddClusterNode;
import io.hvcluster.windows.NewCluster;
import io.hvcluster.windows.SetClusterNetworkRole;
import io.hvcluster.windows.SetClusterParameter;
import io.hvcluster.windows.SetClusterQuorum;
import io.hvcluster.windows.TestCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 2: the cluster steps' plans are the one copy of their decisions. A script's view of its own host (no
 * inventory, the simulator's) plans the same changes as the planner's view, and each change names the cmdlet-level
 * operation that makes it, with the values the plan decided.
 */
class ClusterStepsPlanTest {

    private static final Inventory INV = InventoryFixtures.fourNodes();
    private static final Host FIRST = INV.firstNode();

    static Stream<Step<?>> clusterSteps() {
        return Stream.of(new ValidateClusterStep(), new CreateClusterStep(), new ConfigureQuorumStep(), new ConfigureClusterNetworksStep(),
                new FinalValidationStep());
    }

    private static <P extends Record> StepPlan scriptView(Step<P> step, Map<String, HostFacts> facts) {
        return step.plan(FIRST.name(), step.parameters(INV, FIRST), FactsView.ofHost(FIRST.name(), facts.get(FIRST.name())));
    }

    @ParameterizedTest
    @MethodSource("clusterSteps")
    void aScriptsViewPlansWhatThePlannerPlansAndEveryChangeNamesItsOperation(Step<?> step) {
        for (Map<String, HostFacts> facts : List.of(FactsFixtures.fresh(INV), FactsFixtures.converged(INV), withoutWitnessAndNodeFour())) {
            StepPlan planner = step.diff(FIRST, new FactsView(INV, facts));
            StepPlan script = scriptView(step, facts);
            assertThat(script.changes()).as(step.id()).isEqualTo(planner.changes());
            assertThat(script.problems()).as(step.id()).isEqualTo(planner.problems());
            if (FactsFixtures.converged(INV).equals(facts) || facts.get(FIRST.name()).clusterMember()) {
                // On a cluster every change is made by an operation (ahead of the cluster some are shown only).
                assertThat(script.changes()).as(step.id()).allSatisfy(c -> assertThat(c.operation()).isPresent());
            }
        }
    }

    /** A running cluster that lost HV04 and its witness, with a stray network on role 3. */
    private static Map<String, HostFacts> withoutWitnessAndNodeFour() {
        return FactsFixtures.withCluster(FactsFixtures.converged(INV), c -> {
            List<HostFacts.Network> nets = new ArrayList<>(c.networks());
            nets.add(new HostFacts.Network("Cluster Network 9", "172.31.0.0", "255.255.255.0", 3, "stray-id", "Up"));
            return new HostFacts.Cluster(c.service(), c.member(), c.name(), c.nodes().stream().filter(n -> !n.name().equals("HV04")).toList(),
                    "", c.diskResources(), c.sharedVolumes(), nets, c.groups(), c.migrationNetworkOrder(), c.migrationExcludeNetworks(),
                    HostFacts.QuorumWitness.NONE);
        });
    }

    @Test
    void theJoinValidationRunsOverTheExistingAndTheMissingNodesBeforeAddClusterNode() {
        List<Change> changes = new CreateClusterStep().diff(FIRST, new FactsView(INV, withoutWitnessAndNodeFour())).changes();
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).op()).isEqualTo(new TestCluster(List.of("HV01", "HV02", "HV03", "HV04"),
                CreateClusterStep.JOIN_CATEGORIES, List.of(), CreateClusterStep.JOIN_REPORT));
        assertThat(changes.get(1).op()).isEqualTo(new AddClusterNode("HVCL01", "HV04"));
    }

    @Test
    void aFreshClusterIsCreatedWithTheStepsParameters() {
        CreateClusterStep.Params p = new CreateClusterStep().parameters(INV, FIRST);
        Change c = new CreateClusterStep().diff(FIRST, new FactsView(INV, FactsFixtures.fresh(INV))).changes().get(0);
        assertThat(c.op()).isEqualTo(new NewCluster(p.name(), p.staticAddress(), p.nodes(), p.ignoreNetworks()));
    }

    @Test
    void validateAndFinalValidationRunTheOneTestClusterWithTheCategoriesThePlanChose() {
        Change validate = new ValidateClusterStep().diff(FIRST, new FactsView(INV, FactsFixtures.fresh(INV))).changes().get(0);
        assertThat(validate.op()).isEqualTo(new TestCluster(List.of("HV01", "HV02", "HV03", "HV04"),
                List.of("Inventory", "Network", "System Configuration", "Storage"), List.of(), "hvcluster-validate"));

        FinalValidationStep fin = new FinalValidationStep();
        FinalValidationStep.Params p = fin.parameters(INV, FIRST);
        Map<String, HostFacts> withRole = FactsFixtures.withCluster(withoutMark(), c -> {
            List<HostFacts.Group> groups = new ArrayList<>(c.groups());
            groups.add(new HostFacts.Group("VM01", "VirtualMachine", "Online", "HV02"));
            return new HostFacts.Cluster(c.service(), c.member(), c.name(), c.nodes(), c.quorumResource(), c.diskResources(),
                    c.sharedVolumes(), c.networks(), groups, c.migrationNetworkOrder(), c.migrationExcludeNetworks(), c.quorumWitness());
        });
        TestCluster withStorage = (TestCluster) fin.diff(FIRST, new FactsView(INV, withoutMark())).changes().get(0).op();
        assertThat(withStorage.categories()).contains("Storage", "Hyper-V Configuration");
        assertThat(withStorage.disks()).isEqualTo(p.disks()).isNotEmpty();
        TestCluster rolesRun = (TestCluster) fin.diff(FIRST, new FactsView(INV, withRole)).changes().get(0).op();
        assertThat(rolesRun.categories()).doesNotContain("Storage").contains("Hyper-V Configuration");
        assertThat(rolesRun.disks()).isEmpty();
        assertThat(FinalValidationStep.coverage(p, new FactsView(INV, withRole).cluster()).warning())
                .startsWith("the cluster runs 1 role(s) (VM01): validated without the storage tests");
    }

    private static Map<String, HostFacts> withoutMark() {
        return FactsFixtures.withHost(FactsFixtures.converged(INV), "HV01", f -> new HostFacts(f.probe(), f.computerName(), f.errors(), f.os(),
                f.cpu(), f.system(), f.features(), f.adapters(), f.sessionAdapters(), f.disks(), f.cluster(), f.hyperV(), false,
                (HostFacts.ValidationMark) null, null, null, null));
    }

    @Test
    void aStrayNetworkGetsRoleNoneAndIsExcludedFromLiveMigration() {
        StepPlan plan = new ConfigureClusterNetworksStep().diff(FIRST, new FactsView(INV, withoutWitnessAndNodeFour()));
        assertThat(plan.changes()).anySatisfy(c -> assertThat(c.op()).isEqualTo(new SetClusterNetworkRole("stray-id", 0, true)));
        assertThat(plan.changes()).anySatisfy(c -> {
            assertThat(c.op()).isInstanceOf(SetClusterParameter.class);
            SetClusterParameter set = (SetClusterParameter) c.op();
            assertThat(set.parameter()).isEqualTo("MigrationExcludeNetworks");
            assertThat(set.value()).endsWith("stray-id");
        });
        HostFacts.Cluster cluster = new FactsView(INV, withoutWitnessAndNodeFour()).cluster().orElseThrow();
        assertThat(ConfigureClusterNetworksStep.notices(new ConfigureClusterNetworksStep().parameters(INV, FIRST), cluster))
                .containsExactly("cluster network 'Cluster Network 9' (172.31.0.0/255.255.255.0) matches no network of the inventory: a stray"
                        + " network, set to role None (0) and excluded from live migration");
    }

    @Test
    void theWitnessIsSetByTheSetClusterQuorumCallTheInventoryNames() {
        ConfigureQuorumStep step = new ConfigureQuorumStep();
        ConfigureQuorumStep.Params p = step.parameters(INV, FIRST);
        StepPlan plan = step.diff(FIRST, new FactsView(INV, withoutWitnessAndNodeFour()));
        assertThat(plan.changes()).last().satisfies(c -> assertThat(c.op()).isEqualTo(SetClusterQuorum.disk(p.witness().label())));
    }

    @Test
    void aWitnessWhoseNameDiffersOnlyInCaseIsTheInventorysWitness() {
        ConfigureQuorumStep.Params p = new ConfigureQuorumStep().parameters(INV, FIRST);
        HostFacts.QuorumWitness disk = new HostFacts.QuorumWitness("Physical Disk", "", "");
        assertThat(ConfigureQuorumStep.describes(p, p.witness().label().toLowerCase(java.util.Locale.ROOT), disk)).isTrue();
    }
}

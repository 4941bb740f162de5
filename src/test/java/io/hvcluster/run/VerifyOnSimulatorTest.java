package io.hvcluster.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.exec.ExecutionException;
import io.hvcluster.exec.ScriptExecutor;
import io.hvcluster.plan.RebootStrategy;
import io.hvcluster.preflight.Finding;
import io.hvcluster.render.ScriptRenderer;
import io.hvcluster.sim.host.SimulatedCluster;
import io.hvcluster.sim.host.VirtualMachine;
import io.hvcluster.testing.InventoryFixtures;
import io.hvcluster.verify.BurnIn;
import io.hvcluster.verify.BurnInOperation;
import io.hvcluster.verify.BurnInScripts;
import io.hvcluster.verify.VerifyProbe;
import io.hvcluster.verify.VerifyReport;
import io.hvcluster.verify.Verification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * verify and verify --burn-in on the in-process simulator, on virtual time: a fresh build verifies clean; each drift
 * injected on one host fails verify naming that host and the fix; burn-in migrates every test VM to every node, moves
 * every CSV, drains every node and leaves nothing behind; an interrupted burn-in is cleaned up by the next one.
 */
class VerifyOnSimulatorTest {

    private static final ScriptRenderer RENDERER = ScriptRenderer.bundled();
    private SimulatedRun sim;

    @BeforeEach
    void build() throws Exception {
        sim = new SimulatedRun(InventoryFixtures.fourNodes());
        SimulatedRun.Outcome built = sim.apply();
        assertThat(built.result().anyFailed()).as(built.result().summary()).isFalse();
    }

    private VerifyReport verify() throws Exception {
        try (PipelineRunner pr = sim.runner(RebootStrategy.AUTO, Duration.ofMinutes(30), false, null)) {
            FactsCollection facts = pr.collectFacts();
            assertThat(facts.complete()).isTrue();
            return new Verification(sim.inventory, new VerifyProbe(RENDERER, "test"), pr::runScript, "hvcluster apply lab-4node.yaml")
                    .verify(facts.facts());
        }
    }

    private BurnIn.Result burnIn(BurnIn.Options options, List<BurnInOperation> seen) throws Exception {
        try (PipelineRunner pr = sim.runner(RebootStrategy.AUTO, Duration.ofMinutes(30), false, null)) {
            FactsCollection facts = pr.collectFacts();
            return new BurnIn(sim.inventory, new BurnInScripts(RENDERER, "test"), pr::runScript, options, seen::add)
                    .run(facts.facts().get("HV01").cluster());
        }
    }

    private SimulatedCluster cluster() {
        return sim.dc.clusters.get(0);
    }

    private static List<Finding> errors(VerifyReport r) {
        return r.findings().stream().filter(Finding::error).toList();
    }

    @Test
    void aFreshBuildVerifiesWithoutAnError() throws Exception {
        VerifyReport r = verify();
        assertThat(errors(r)).isEmpty();
        assertThat(r.passed()).isTrue();
        // final-validation recorded an approved result on the first node, so nothing is left to read by hand.
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void withoutFinalValidationsMarkTheNewestReportIsToBeReadByHand() throws Exception {
        sim.dc.requireHost("HV01").validationMark = null;
        VerifyReport r = verify();
        // Without its mark, final-validation would run again (drift), and the last report is to be read by hand.
        assertThat(errors(r)).singleElement().satisfies(f -> assertThat(f.check()).isEqualTo("final-validation"));
        assertThat(r.findings()).filteredOn(f -> f.check().equals("validation")).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("validation");
            assertThat(f.found()).contains("C:\\Windows\\Cluster\\Reports\\hvcluster-validate-");
        });
    }

    @Test
    void aFinalValidationThatFailedIsAnError() throws Exception {
        sim.dc.requireHost("HV01").validationMark.approved = false;
        VerifyReport r = verify();
        assertThat(errors(r)).filteredOn(f -> f.check().equals("validation")).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("validation");
            assertThat(f.found()).startsWith("the last validation failed");
        });
    }

    @Test
    void aSwitchRenamedOnOneHostFailsNamingThatHostAndTheFix() throws Exception {
        sim.dc.requireHost("HV03").switches.get(0).name = "External-old";
        VerifyReport r = verify();
        assertThat(r.passed()).isFalse();
        assertThat(errors(r)).allMatch(f -> f.host().equals("HV03"))
                .anySatisfy(f -> {
                    assertThat(f.check()).isEqualTo("switches");
                    assertThat(f.found()).isEqualTo("no switch 'External'");
                    assertThat(f.fix()).contains("Rename-VMSwitch");
                });
    }

    @Test
    void aNetworkRoleChangedFailsWithTheStepsBeforeAndAfter() throws Exception {
        cluster().networks.stream().filter(n -> n.address.equals("10.10.2.0")).findFirst().orElseThrow().role = 3;
        VerifyReport r = verify();
        assertThat(errors(r)).anySatisfy(f -> {
            assertThat(f.host()).isEqualTo("HV01");
            assertThat(f.check()).isEqualTo("configure-cluster-networks");
            assertThat(f.found()).contains("role of cluster network 'Live Migration'");
            assertThat(f.fix()).startsWith("hvcluster apply lab-4node.yaml");
        });
    }

    @Test
    void aCsvOfflineOrInRedirectedAccessFails() throws Exception {
        cluster().sharedVolumes.get(0).state = "Offline";
        sim.dc.requireHost("HV02").faults.redirectedVolumes.add(cluster().sharedVolumes.get(1).name);
        VerifyReport r = verify();
        assertThat(errors(r)).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo("csv");
            assertThat(f.found()).isEqualTo("CSV 'CSV1' Offline");
            assertThat(f.fix()).contains("Start-ClusterResource -Name 'CSV1'");
        }).anySatisfy(f -> {
            assertThat(f.host()).isEqualTo("HV02");
            assertThat(f.found()).isEqualTo("CSV 'CSV2' in redirected access (FileSystemRedirected)");
        });
    }

    @Test
    void aPausedNodeAndALinuxGuestOnADynamicMacAreReported() throws Exception {
        cluster().node("HV04").orElseThrow().paused = true;
        VirtualMachine web = new VirtualMachine("web01", "HV02");
        web.clustered = true;
        web.state = "Running";
        web.guestOs = "Ubuntu 22.04 LTS (Linux)";
        cluster().virtualMachines.add(web);
        VerifyReport r = verify();
        assertThat(errors(r)).singleElement().satisfies(f -> {
            assertThat(f.host()).isEqualTo("HV04");
            assertThat(f.found()).isEqualTo("node Paused");
            assertThat(f.fix()).isEqualTo("Resume-ClusterNode -Name HV04 -Failback Immediate");
        });
        assertThat(r.warnings()).isEqualTo(1);
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.host()).isEqualTo("HV02");
            assertThat(f.check()).isEqualTo("linux-mac");
            assertThat(f.fix()).contains("-StaticMacAddress");
        });
    }

    @Test
    void burnInMigratesEveryTestVmToEveryNodeMovesEveryCsvDrainsEveryNodeAndCleansUp() throws Exception {
        List<BurnInOperation> seen = new ArrayList<>();
        BurnIn.Result r = burnIn(new BurnIn.Options(false, "10.0.0.99"), seen);
        assertThat(r.error()).isEmpty();
        assertThat(r.operations()).isEqualTo(seen).allMatch(BurnInOperation::ok);
        List<BurnInOperation> migrations = kind(r, BurnInOperation.Kind.LIVE_MIGRATION);
        assertThat(migrations).hasSize(2 * 4);
        for (String vm : List.of("hvcluster-burnin-1", "hvcluster-burnin-2")) {
            assertThat(migrations.stream().filter(m -> m.subject().equals(vm)).map(BurnInOperation::to))
                    .containsExactly("HV02", "HV03", "HV04", "HV01");
        }
        assertThat(migrations).allSatisfy(m -> {
            assertThat(m.duration()).isEqualTo(Duration.ofSeconds(9));
            assertThat(m.detail()).isEqualTo("lost 0 of 9 pings");
        });
        assertThat(kind(r, BurnInOperation.Kind.CSV_MOVE)).hasSize(2 * 4).extracting(BurnInOperation::to)
                .containsExactly("HV02", "HV03", "HV04", "HV01", "HV02", "HV03", "HV04", "HV01");
        assertThat(kind(r, BurnInOperation.Kind.DRAIN_RESUME)).extracting(BurnInOperation::subject).containsExactly("HV01", "HV02", "HV03", "HV04");
        assertThat(kind(r, BurnInOperation.Kind.DRAIN_RESUME).get(0).detail()).startsWith("2 role(s) moved away and back");
        assertThat(r.operations().get(r.operations().size() - 1).detail()).isEqualTo("removed hvcluster-burnin-1, hvcluster-burnin-2");
        assertThat(cluster().virtualMachines).isEmpty();
        assertThat(cluster().nodes).noneMatch(n -> n.paused);

        // A second burn-in starts from a clean cluster: no cleanup of an earlier run before it creates its VMs.
        BurnIn.Result again = burnIn(new BurnIn.Options(false, ""), new ArrayList<>());
        assertThat(again.error()).isEmpty();
        assertThat(again.operations().get(0).kind()).isEqualTo(BurnInOperation.Kind.CREATE);
        assertThat(cluster().virtualMachines).isEmpty();
    }

    @Test
    void anInterruptedBurnInIsCleanedUpByTheNextRun() throws Exception {
        AtomicInteger migrations = new AtomicInteger();
        sim.wrap = (host, inner) -> (ScriptExecutor) (script, timeout, sink) -> {
            boolean migrate = script.stepId().equals(BurnInScripts.ID) && script.phase().equals("migrate");
            boolean cleanup = script.stepId().equals(BurnInScripts.ID) && script.phase().equals("cleanup");
            if ((migrate && migrations.incrementAndGet() == 3) || (cleanup && migrations.get() >= 3)) {
                throw new ExecutionException(host, ExecutionException.Kind.CONNECTION_LOST, host + ": the connection broke");
            }
            return inner.run(script, timeout, sink);
        };
        BurnIn.Result broken = burnIn(new BurnIn.Options(false, ""), new ArrayList<>());
        assertThat(broken.error()).isEqualTo("lost the connection to HV01");
        assertThat(cluster().virtualMachines).hasSize(2);

        sim.wrap = (host, inner) -> inner;
        BurnIn.Result next = burnIn(new BurnIn.Options(false, ""), new ArrayList<>());
        assertThat(next.error()).isEmpty();
        assertThat(next.operations().get(0).kind()).isEqualTo(BurnInOperation.Kind.CLEANUP);
        assertThat(next.operations().get(0).detail()).isEqualTo("removed hvcluster-burnin-1, hvcluster-burnin-2");
        assertThat(kind(next, BurnInOperation.Kind.LIVE_MIGRATION)).hasSize(8).allMatch(BurnInOperation::ok);
        assertThat(cluster().virtualMachines).isEmpty();
    }

    @Test
    void burnInRefusesAClusterWithRolesAndNeverTouchesAVmItDidNotCreate() throws Exception {
        VirtualMachine prod = new VirtualMachine("sql01", "HV03");
        prod.clustered = true;
        prod.state = "Running";
        VirtualMachine lookalike = new VirtualMachine(BurnInScripts.PREFIX + "9", "HV01");
        lookalike.notes = "someone else's";
        cluster().virtualMachines.add(prod);
        cluster().virtualMachines.add(lookalike);

        BurnIn.Result refused = burnIn(new BurnIn.Options(false, ""), new ArrayList<>());
        assertThat(refused.error()).startsWith("refused: the cluster runs roles (sql01)").contains("--force");
        assertThat(kind(refused, BurnInOperation.Kind.CREATE)).isEmpty();

        BurnIn.Result forced = burnIn(new BurnIn.Options(true, ""), new ArrayList<>());
        assertThat(forced.error()).isEmpty();
        assertThat(cluster().virtualMachines).extracting(vm -> vm.name).containsExactly("sql01", BurnInScripts.PREFIX + "9");
        assertThat(prod.ownerNode).as("drains move it and failback brings it home").isEqualTo("HV03");
        assertThat(forced.operations().get(forced.operations().size() - 1).detail())
                .contains("left alone (not marked as test VMs): " + BurnInScripts.PREFIX + "9");
    }

    @Test
    void aFailedMigrationIsReportedAndTheRestStillRunsAndIsCleanedUp() throws Exception {
        sim.dc.requireHost("HV03").faults.liveMigrationFails = true;
        BurnIn.Result r = burnIn(new BurnIn.Options(false, ""), new ArrayList<>());
        List<BurnInOperation> failed = r.operations().stream().filter(o -> !o.ok()).toList();
        assertThat(failed).hasSize(2).allSatisfy(o -> {
            assertThat(o.to()).isEqualTo("HV03");
            assertThat(o.outcome()).startsWith("failed: Move-ClusterVirtualMachineRole: the live migration of");
        });
        assertThat(kind(r, BurnInOperation.Kind.CSV_MOVE)).hasSize(8);
        assertThat(cluster().virtualMachines).isEmpty();
    }

    private static List<BurnInOperation> kind(BurnIn.Result r, BurnInOperation.Kind k) {
        return r.operations().stream().filter(o -> o.kind() == k).toList();
    }
}

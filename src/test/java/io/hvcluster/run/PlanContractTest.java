package io.hvcluster.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.facts.FactsFingerprint;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.plan.Plan;
import io.hvcluster.plan.Planner;
import io.hvcluster.plan.RebootStrategy;
import io.hvcluster.steps.CreateClusterStep;
import io.hvcluster.steps.RenameAdaptersStep;
import io.hvcluster.steps.UnbindProtocolsStep;
import io.hvcluster.testing.FactsFixtures;
import io.hvcluster.testing.InventoryFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The confirmed plan as the contract: what counts as "the host changed since the plan was made". */
class PlanContractTest {

    private final Inventory inv = InventoryFixtures.fourNodes();
    private final Map<String, HostFacts> fresh = FactsFixtures.fresh(inv);
    private final Plan plan = new Planner().plan(inv, fresh, RebootStrategy.AUTO);
    private final Host hv02 = inv.host("HV02").orElseThrow();
    private final Step<?> rename = new RenameAdaptersStep();

    private StepPlan diff(Step<?> step, Host host, Map<String, HostFacts> facts) {
        return new Planner().recheck(inv, facts, step, host);
    }

    private Map<String, HostFacts> renamedByHand(Map<String, HostFacts> facts) {
        return FactsFixtures.withHost(facts, "HV02", h -> FactsFixtures.withAdapter(h, "Ethernet 2", a -> FactsFixtures.renamed(a, "By Hand")));
    }

    @Test
    void theHostAsPlannedRunsThePlan() {
        PlanContract contract = new PlanContract(plan);
        assertThat(contract.stale(rename, hv02, diff(rename, hv02, fresh), fresh.get("HV02"))).isEmpty();
    }

    @Test
    void aHostChangedBehindThePlansBackStopsWithWhatChanged() {
        PlanContract contract = new PlanContract(plan);
        Map<String, HostFacts> now = renamedByHand(fresh);
        assertThat(contract.stale(rename, hv02, diff(rename, hv02, now), now.get("HV02"))).hasValueSatisfying(why -> assertThat(why)
                .startsWith("the host changed since the plan was made: rename-adapters planned ~ name of adapter [00-15-5D-0A-02-02]: Ethernet 2 → Cluster")
                .contains(", now ~ name of adapter [00-15-5D-0A-02-02]: By Hand → Cluster")
                .doesNotContain("Ethernet 3"));
    }

    @Test
    void whatEarlierStepsOfTheRunChangedIsAccountedFor() {
        // A step of this run left HV02 with its NIC named 'By Hand' and the runner read it again afterwards.
        Map<String, HostFacts> now = renamedByHand(fresh);
        PlanContract contract = new PlanContract(plan);
        contract.changedBy(new UnbindProtocolsStep(), hv02, now.get("HV02"));
        assertThat(contract.stale(rename, hv02, diff(rename, hv02, now), now.get("HV02"))).isEmpty();
        // The same facts without a step of the run behind them: the host changed behind the plan's back.
        assertThat(new PlanContract(plan).stale(rename, hv02, diff(rename, hv02, now), now.get("HV02"))).isPresent();
    }

    @Test
    void decisionsThatNameRolesSurviveEarlierRenames() {
        Map<String, HostFacts> afterRename = fresh;
        for (io.hvcluster.pipeline.Change c : plan.step(RenameAdaptersStep.ID, "HV02").orElseThrow().changes()) {
            afterRename = FactsFixtures.withHost(afterRename, "HV02", h -> FactsFixtures.withAdapter(h, c.before(), a -> FactsFixtures.renamed(a, c.after())));
        }
        Step<?> unbind = new UnbindProtocolsStep();
        assertThat(diff(unbind, hv02, afterRename)).isEqualTo(plan.step(UnbindProtocolsStep.ID, "HV02").orElseThrow());
        assertThat(new PlanContract(plan).stale(unbind, hv02, diff(unbind, hv02, afterRename), afterRename.get("HV02"))).isEmpty();
    }

    @Test
    void aChangeThatDoesNotAlterTheStepsDecisionDoesNotStopIt() {
        PlanContract contract = new PlanContract(plan);
        Map<String, HostFacts> now = renamedByHand(fresh);
        Step<?> create = new CreateClusterStep();
        Host first = inv.firstNode();
        assertThat(contract.stale(create, first, diff(create, first, now), now.get(first.name()))).isEmpty();
    }

    @Test
    void aClusterStepThatRanMakesTheNextReadingTheBaselineEverywhere() {
        PlanContract contract = new PlanContract(plan);
        contract.changedBy(new CreateClusterStep(), inv.firstNode(), fresh.get(inv.firstNode().name()));
        Map<String, HostFacts> now = renamedByHand(fresh);
        assertThat(contract.stale(rename, hv02, diff(rename, hv02, now), now.get("HV02"))).isEmpty();
    }

    @Test
    void theFingerprintIgnoresWhatMovesByItself() {
        HostFacts h = fresh.get("HV02");
        HostFacts rebooted = new HostFacts(h.probe(), h.computerName(), h.errors(), new HostFacts.Os(h.os().build(), h.os().editionId(),
                h.os().installationType(), h.os().productName(), "2030-01-01T00:00:00Z", h.os().pendingReboot(), h.os().depAvailable()),
                h.cpu(), h.system(), h.features(), h.adapters(), h.sessionAdapters(), h.disks(), h.cluster(), h.hyperV(), h.pausedByHvcluster(), null, null, null, null);
        assertThat(FactsFingerprint.of(rebooted)).isEqualTo(FactsFingerprint.of(h));
        assertThat(FactsFingerprint.of(renamedByHand(fresh).get("HV02"))).isNotEqualTo(FactsFingerprint.of(h));
        assertThat(plan.factsFingerprints()).containsOnlyKeys("HV01", "HV02", "HV03", "HV04");
        assertThat(List.copyOf(plan.factsFingerprints().values())).doesNotHaveDuplicates();
    }
}

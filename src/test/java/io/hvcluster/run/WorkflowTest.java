package io.hvcluster.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.exec.dryrun.DryRunExecutor;
import io.hvcluster.plan.Plan;
import io.hvcluster.plan.RebootStrategy;
import io.hvcluster.preflight.PreflightReport;
import io.hvcluster.testing.InventoryFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one workflow of plan, apply and apply --dry-run on the simulated hosts: every ending reaches the
 * listeners (so the run folder gets its report), nothing runs without confirmation, and a dry run goes
 * through the runner with the dry-run executor in the flow a live run would use.
 */
class WorkflowTest {

    /** Records what the workflow showed and answers the confirmation as told. */
    private static final class ScriptedConsole implements Workflow.Console {
        final List<String> shown = new ArrayList<>();
        final boolean answer;

        ScriptedConsole(boolean answer) {
            this.answer = answer;
        }

        @Override
        public void preflight(PreflightReport report) {
            shown.add("preflight");
        }

        @Override
        public void plan(Plan plan) {
            shown.add("plan " + plan.summary());
        }

        @Override
        public boolean confirm(Plan plan) {
            shown.add("confirm");
            return answer;
        }
    }

    @Test
    void anUnansweredConfirmationChangesNothingAndStillEndsTheRun() throws Exception {
        SimulatedRun sim = new SimulatedRun(InventoryFixtures.fourNodes());
        ScriptedConsole console = new ScriptedConsole(false);
        try (PipelineRunner runner = sim.runner(RebootStrategy.AUTO, Duration.ofMinutes(30), false, null)) {
            Workflow.Outcome out = new Workflow(runner, true, console).run(Workflow.Goal.APPLY);
            assertThat(out.ending()).isEqualTo(Workflow.Ending.NOT_CONFIRMED);
            // A declined apply is not a success (Terraform's convention): exit 1, in the report too.
            assertThat(out.failed()).isTrue();
            assertThat(out.exitCode()).isEqualTo(1);
        }
        assertThat(console.shown).containsExactly("preflight", "plan 35 to change, 4 in desired state", "confirm");
        // Only the read-only probes ran (SimulatedRun does not list them); no step's script.
        assertThat(sim.executed).isEmpty();
        assertThat(sim.runFinished.summary()).isEqualTo("not applied: the plan was declined (35 to change, 4 in desired state)");
        assertThat(sim.runFinished.exitCode()).isEqualTo(1);
    }

    @Test
    void aHostThatDoesNotAnswerEndsTheRunBeforeAnyPlanWithItsReason() throws Exception {
        SimulatedRun sim = new SimulatedRun(InventoryFixtures.fourNodes());
        sim.dc.requireHost("HV02").down = true;
        ScriptedConsole console = new ScriptedConsole(true);
        try (PipelineRunner runner = sim.runner(RebootStrategy.AUTO, Duration.ofMinutes(30), false, null)) {
            Workflow.Outcome out = new Workflow(runner, true, console).run(Workflow.Goal.PLAN);
            assertThat(out.ending()).isEqualTo(Workflow.Ending.FACTS_MISSING);
            assertThat(out.failed()).isTrue();
            assertThat(out.unreachable()).containsOnlyKeys("HV02");
        }
        assertThat(console.shown).isEmpty();
        assertThat(sim.notices).singleElement().satisfies(n -> assertThat(n.kind()).isEqualTo(NoticeKind.UNREACHABLE));
        assertThat(sim.runFinished.exitCode()).isEqualTo(1);
        assertThat(sim.runFinished.summary()).isEqualTo("cannot plan: 1 host(s) did not answer the facts probe");
    }

    @Test
    void aDryRunWritesEveryPhaseInTheFlowOfTheChosenRebootPath(@TempDir Path tmp) throws Exception {
        SimulatedRun sim = new SimulatedRun(InventoryFixtures.fourNodes());
        DryRunExecutor dry = new DryRunExecutor(tmp);
        try (PipelineRunner runner = sim.runner(RebootStrategy.AUTO, Duration.ofMinutes(30), false, dry)) {
            Workflow.Outcome out = new Workflow(runner, true, new ScriptedConsole(true)).run(Workflow.Goal.DRY_RUN);
            assertThat(out.ending()).isEqualTo(Workflow.Ending.WRITTEN);
            assertThat(out.plan().reboot().parallel()).as("auto writes the rolling path when nothing was asked").isFalse();
            assertThat(out.result().count(StepStatus.PLANNED)).isEqualTo(39);
        }
        // Nothing was probed: the only scripts are the steps' own, each phase once, and the restarts go host by host.
        assertThat(dry.recorded()).hasSize(47).noneMatch(s -> s.stepId().equals(io.hvcluster.facts.FactsProbe.ID)
                || s.stepId().equals(io.hvcluster.facts.PreflightProbe.ID));
        List<String> hyperV = sim.order.stream().filter(s -> s.startsWith("start enable-hyper-v")).toList();
        assertThat(hyperV).containsExactly("start enable-hyper-v/apply@HV01", "start enable-hyper-v/after-reboot@HV01",
                "start enable-hyper-v/apply@HV02", "start enable-hyper-v/after-reboot@HV02",
                "start enable-hyper-v/apply@HV03", "start enable-hyper-v/after-reboot@HV03",
                "start enable-hyper-v/apply@HV04", "start enable-hyper-v/after-reboot@HV04");
        assertThat(sim.runFinished.summary()).isEqualTo("dry run: 39 step runs written, nothing was contacted");
        assertThat(tmp.resolve("HV03").resolve("10b-enable-hyper-v-after-reboot.ps1")).exists();
        assertThat(sim.dc.requireHost("HV01").features).doesNotContainEntry("Hyper-V", "Installed");
    }

    @Test
    void aConvergedBuildSkipsThePreflightAndCostsOneProbePerHost() throws Exception {
        SimulatedRun sim = new SimulatedRun(InventoryFixtures.fourNodes());
        try (PipelineRunner runner = sim.runner(RebootStrategy.AUTO, Duration.ofMinutes(30), false, null)) {
            assertThat(new Workflow(runner, true, new ScriptedConsole(true)).run(Workflow.Goal.APPLY).failed()).isFalse();
        }
        ScriptedConsole again = new ScriptedConsole(true);
        List<String> probes = java.util.Collections.synchronizedList(new ArrayList<>());
        sim.wrap = (host, e) -> (script, timeout, sink) -> {
            probes.add(script.stepId() + "@" + host);
            return e.run(script, timeout, sink);
        };
        try (PipelineRunner runner = sim.runner(RebootStrategy.AUTO, Duration.ofMinutes(30), false, null)) {
            Workflow.Outcome out = new Workflow(runner, true, again).run(Workflow.Goal.APPLY);
            assertThat(out.ending()).isEqualTo(Workflow.Ending.APPLIED);
            assertThat(out.plan().toChange()).isZero();
        }
        // Nothing will change, so there is nothing for the preflight to guard: no preflight, no confirmation.
        assertThat(again.shown).containsExactly("plan 0 to change, 39 in desired state");
        assertThat(probes).containsExactlyInAnyOrder("facts@HV01", "facts@HV02", "facts@HV03", "facts@HV04");
    }
}

package io.hvcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.facts.FactsView;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Phase;
import io.hvcluster.pipeline.Pipeline;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.sim.host.ScriptRunner;
import io.hvcluster.sim.host.DatacenterBuilder;
import io.hvcluster.testing.FactsFixtures;
import io.hvcluster.testing.InventoryFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pipeline is the only registry of steps. The compiler proves each step has an id, title, scope, dependencies,
 * parameters and a diff; this test walks the pipeline for what it cannot see: a template per phase in the step's own
 * folder, a diff that answers for every host the step runs on (nothing to do on a converged cluster, something on
 * fresh hosts), and a simulated handling of every phase.
 */
class PipelineCompletenessTest {

    private static final Inventory INV = InventoryFixtures.fourNodes();

    static Stream<Step<?>> steps() {
        return Stream.concat(StandardPipeline.create(true).steps().stream(), StandardPipeline.create(false).steps().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void everyStepHasItsNamesAndRunbookChecks(Step<?> step) {
        assertThat(step.id()).matches("[a-z]+(-[a-z0-9]+)*");
        assertThat(step.title()).isNotBlank();
        assertThat(step.checks()).isNotEmpty();
        assertThat(step.phases()).isNotEmpty();
        assertThat(step.phases().get(0).kind()).isEqualTo(Phase.Kind.APPLY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void everyPhaseHasItsTemplateInTheStepsFolder(Step<?> step) {
        for (Phase phase : step.phases()) {
            assertThat(phase.template()).startsWith(step.id() + "/").endsWith(".ps1.vm");
            assertThat(Path.of("templates", phase.template())).as(phase.template()).satisfies(p -> assertThat(Files.isRegularFile(p)).isTrue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void everyStepDiffsEveryHostItRunsOn(Step<?> step) {
        List<Host> targets = step.scope() == Scope.CLUSTER ? List.of(INV.firstNode()) : INV.hosts();
        FactsView converged = new FactsView(INV, FactsFixtures.converged(INV));
        FactsView fresh = new FactsView(INV, FactsFixtures.fresh(INV));
        for (Host h : targets) {
            StepPlan done = step.diff(h, converged);
            assertThat(done.stepId()).isEqualTo(step.id());
            assertThat(done.host()).isEqualTo(h.name());
            assertThat(done.inDesiredState()).as(step.id() + " on a converged " + h.name() + ": " + done).isTrue();
            // connect-storage has work only where the inventory has iSCSI storage: fresh hosts of such an inventory.
            StepPlan todo = step.id().equals(ConnectStorageStep.ID) ? step.diff(h, freshIscsi()) : step.diff(h, fresh);
            assertThat(todo.changes()).as(step.id() + " on a fresh " + h.name()).isNotEmpty();
            assertThat(todo.changes()).allSatisfy(c -> assertThat(c.host()).isEqualTo(h.name()));
        }
    }

    private static FactsView freshIscsi() {
        Inventory inv = InventoryFixtures.withIscsi(INV);
        java.util.Map<String, io.hvcluster.facts.HostFacts> facts = new java.util.LinkedHashMap<>();
        FactsFixtures.fresh(inv).forEach((name, f) -> facts.put(name, FactsFixtures.withStorage(f,
                new io.hvcluster.facts.HostFacts.Storage("Stopped", "Manual", false, "", List.of(), List.of()))));
        return new FactsView(inv, facts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void theSimulatorModelsEveryPhase(Step<?> step) {
        ScriptRunner sim = new ScriptRunner(DatacenterBuilder.fresh(INV).build());
        for (Phase phase : step.phases()) {
            assertThat(sim.models(step.id(), phase.name())).as(step.id() + "/" + phase.name()).isTrue();
        }
    }
}

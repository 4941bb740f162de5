package io.hvcluster.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.bundle.BundleRenderer;
import io.hvcluster.facts.FactsProbe;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.load.InventoryLoader;
import io.hvcluster.render.ScriptRenderer;
import io.hvcluster.secrets.Secret;
import io.hvcluster.secrets.SecretMasker;
import io.hvcluster.sim.Simulation;
import io.hvcluster.facts.Delegation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wrong password against four simulated hosts over real WinRM: exactly one failed logon per run (counted by the
 * simulated hosts as Windows counts event 4625), the other hosts never contacted.
 */
class OneFailedLogonTest {

    private static final Secret RIGHT = Secret.of("Right-P@ss-16");
    private static final Secret WRONG = Secret.of("Wrong-P@ss-16");

    @Test
    void aWrongPasswordCostsOneFailedLogonPerRunNotOnePerHost(@TempDir Path tmp) throws Exception {
        Inventory inv = InventoryLoader.load(Path.of("inventories/lab-4node.yaml")).inventory().orElseThrow();
        try (Simulation sim = Simulation.start(inv, tmp, true, Optional.of(RIGHT))) {
            FactsCollection wrong = collect(inv, sim, WRONG);
            assertThat(failedLogons(sim, inv)).isEqualTo(1);
            String first = inv.hosts().get(0).name();
            assertThat(wrong.facts()).isEmpty();
            assertThat(wrong.failures().get(first)).contains("refused user").doesNotContain(WRONG.reveal());
            for (Host other : inv.hosts().subList(1, inv.hosts().size())) {
                assertThat(wrong.failures().get(other.name())).startsWith("not contacted: " + first + " refused the credentials");
            }

            FactsCollection right = collect(inv, sim, RIGHT);
            assertThat(right.complete()).as(right.failures().toString()).isTrue();
            assertThat(failedLogons(sim, inv)).isEqualTo(1);
        }
    }

    private static FactsCollection collect(Inventory inv, Simulation sim, Secret password) throws InterruptedException {
        ScriptRenderer renderer = ScriptRenderer.bundled();
        RunOptions options = RunOptions.defaults(Map.of(Delegation.PASSWORD_SECRET, password));
        try (PipelineRunner runner = new PipelineRunner(inv, new BundleRenderer(renderer, "test"), new FactsProbe(renderer, "test"),
                sim.executors(password), options, new RunListener() { }, ScriptRecorder.none(),
                new SecretMasker(List.of(password)))) {
            return runner.collectFacts();
        }
    }

    private static long failedLogons(Simulation sim, Inventory inv) {
        return inv.hosts().stream().mapToLong(h -> sim.endpoint(h.name()).orElseThrow().statistics().failedLogons()).sum();
    }
}

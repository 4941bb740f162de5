package io.hvcluster.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.hvcluster.bundle.BundleRenderer;
import io.hvcluster.exec.ExecutionException;
import io.hvcluster.exec.ScriptExecutor;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.facts.FactsParser;
import io.hvcluster.facts.FactsProbe;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.render.ScriptRenderer;
import io.hvcluster.secrets.Secret;
import io.hvcluster.secrets.SecretMasker;
import io.hvcluster.testing.FactsFixtures;
import io.hvcluster.testing.InventoryFixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Facts collection with mocked executors: one line per host that did not answer, and nothing leaks. */
class FactsCollectionTest {

    @Test
    void anUnreachableHostIsReportedAndTheOthersStillAnswer() throws Exception {
        Inventory inv = InventoryFixtures.fourNodes();
        FactsParser parser = new FactsParser();
        Map<String, io.hvcluster.facts.HostFacts> fresh = FactsFixtures.fresh(inv);
        Secret password = Secret.of("Pa$$w0rd!");
        ScriptExecutor down = mock(ScriptExecutor.class);
        when(down.run(any(), any(), any())).thenThrow(new ExecutionException("HV03", ExecutionException.Kind.UNREACHABLE,
                "cannot reach HV03 at hv03.corp.example.com:5986 over HTTPS: connection refused (password Pa$$w0rd! was never sent)"));
        ExecutorFactory factory = host -> {
            if (host.name().equals("HV03")) {
                return down;
            }
            ScriptExecutor ok = mock(ScriptExecutor.class);
            when(ok.run(any(), any(), any())).thenReturn(new ScriptResult(0, parser.write(fresh.get(host.name())), "", Duration.ofMillis(5)));
            return ok;
        };
        ScriptRenderer r = ScriptRenderer.bundled();
        try (PipelineRunner runner = new PipelineRunner(inv, new BundleRenderer(r, "t"), new FactsProbe(r, "t"), factory,
                RunOptions.defaults(Map.of()), new RunListener() { }, ScriptRecorder.none(), new SecretMasker(List.of(password)))) {
            FactsCollection facts = runner.collectFacts();
            assertThat(facts.complete()).isFalse();
            assertThat(facts.facts()).containsOnlyKeys("HV01", "HV02", "HV04");
            assertThat(facts.failures()).containsOnlyKeys("HV03");
            assertThat(facts.failures().get("HV03")).startsWith("cannot reach HV03").doesNotContain("Pa$$w0rd!").contains("********");
        }
        verify(down).run(any(), any(), any());
    }
}

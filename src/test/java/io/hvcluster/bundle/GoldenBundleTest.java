package io.hvcluster.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.load.InventoryLoader;
import io.hvcluster.pipeline.Pipeline;
import io.hvcluster.render.ScriptRenderer;
import io.hvcluster.steps.StandardPipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The whole bundle of the 2-node example, byte for byte. A change to a template, a step's parameters or the
 * runbook shows up here as a diff to review; regenerate with {@code mvn test -Dtest=GoldenBundleTest -Dgolden.update=true}.
 */
class GoldenBundleTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/lab-2node");

    @Test
    void theTwoNodeBundleMatchesTheReviewedGoldenFiles() throws Exception {
        Inventory inv = InventoryLoader.load(Path.of("inventories/lab-2node.yaml")).inventory().orElseThrow();
        Pipeline pipeline = StandardPipeline.create();
        List<RenderedScript> scripts = new BundleRenderer(ScriptRenderer.bundled(), "golden").render(inv, pipeline);
        String runbook = new RunbookWriter().write(inv, pipeline, scripts, "golden");
        if (Boolean.getBoolean("golden.update")) {
            new BundleWriter().write(GOLDEN, scripts, runbook);
        }
        assertThat(Files.exists(GOLDEN.resolve("RUNBOOK.md"))).as("golden files exist; generate them with -Dgolden.update=true").isTrue();
        assertThat(runbook).isEqualTo(Files.readString(GOLDEN.resolve("RUNBOOK.md"), StandardCharsets.UTF_8));
        for (RenderedScript s : scripts) {
            byte[] golden = Files.readAllBytes(GOLDEN.resolve(s.relativePath()));
            // The bundle writer adds a UTF-8 BOM; compare the text after it.
            String expected = new String(golden, 3, golden.length - 3, StandardCharsets.UTF_8);
            assertThat(s.text()).as(s.relativePath()).isEqualTo(expected);
        }
        try (Stream<Path> files = Files.walk(GOLDEN)) {
            assertThat(files.filter(p -> p.toString().endsWith(".ps1")).count()).as("no stale golden scripts").isEqualTo(scripts.size());
        }
    }
}

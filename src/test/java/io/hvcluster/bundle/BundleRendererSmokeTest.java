package io.hvcluster.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.render.ScriptRenderer;
import io.hvcluster.steps.StandardPipeline;
import io.hvcluster.testing.InventoryFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BundleRendererSmokeTest {

    @Test
    void rendersEveryStepForEveryHost() throws Exception {
        List<RenderedScript> scripts = new BundleRenderer(ScriptRenderer.bundled(), "test")
                .render(InventoryFixtures.fourNodes(), StandardPipeline.create());
        Path dir = Path.of("target/smoke-bundle");
        for (RenderedScript s : scripts) {
            Path p = dir.resolve(s.relativePath());
            Files.createDirectories(p.getParent());
            Files.writeString(p, s.text());
        }
        // per host: 6 single-script steps, enable-hyper-v and connect-storage with two phases each; 7 cluster steps
        assertThat(scripts).hasSize(4 * 6 + 7 + 4 * 2 + 4 * 2);
    }
}

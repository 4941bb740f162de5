package io.hvcluster.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every figure of the profile has its row (and so its source) in docs/performance.md. */
class PerformanceDocTest {

    @Test
    void everyFigureIsInTheSourcesTable() throws Exception {
        String doc = Files.readString(Path.of("docs/performance.md"));
        for (Figure f : HardwareProfile.rackServer().figures()) {
            assertThat(doc).as("docs/performance.md has a row with source key %s for '%s'", f.source(), f.name())
                    .contains("| " + f.source() + " |");
        }
    }
}

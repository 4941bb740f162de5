package io.hvcluster.inventory.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Damages the four-node example line by line in many ways: the loader must never throw, and must either report
 * an error or build a model (never both, never neither).
 */
class LoaderRobustnessTest {

    private static final List<String> REPLACEMENTS = List.of("", "~", "[x, y]", "{ a: b }", "\"\"", "-1", "0",
            "99999999999", "true", "'10.0.0.5/24'", "00-15-5D-0A-01-01", "10.0.0.11", "Virtual 1");

    @Test
    void anyDamagedLineIsReportedNeverThrown() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("inventories/lab-4node.yaml"));
        List<String> variants = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<String> without = new ArrayList<>(lines);
            without.remove(i);
            variants.add(String.join("\n", without));
            String line = lines.get(i);
            int colon = line.indexOf(": ");
            if (colon < 0) {
                continue;
            }
            for (String value : REPLACEMENTS) {
                List<String> changed = new ArrayList<>(lines);
                changed.set(i, line.substring(0, colon + 2) + value);
                variants.add(String.join("\n", changed));
            }
        }
        assertThat(variants).hasSizeGreaterThan(500);
        for (String text : variants) {
            assertThatCode(() -> {
                LoadResult r = InventoryLoader.load(text, "damaged.yaml");
                assertThat(r.inventory().isPresent()).isNotEqualTo(r.errors().size() > 0);
            }).as(text).doesNotThrowAnyException();
        }
    }
}

package io.hvcluster.inventory.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.testing.InventoryYaml;
import org.junit.jupiter.api.Test;

class DisableUnusedAdaptersTest {

    @Test
    void defaultsToLeavingUnusedAdaptersAlone() {
        LoadResult r = InventoryYaml.base().load();
        assertThat(r.inventory().orElseThrow().cluster().disableUnusedAdapters()).isFalse();
    }

    @Test
    void canBeSwitchedOn() {
        LoadResult r = InventoryYaml.base().replace("cluster:\n", "cluster:\n  disableUnusedAdapters: true\n").load();
        assertThat(r.problems()).isEmpty();
        assertThat(r.inventory().orElseThrow().cluster().disableUnusedAdapters()).isTrue();
    }

    @Test
    void aNonBooleanIsOneErrorAtItsPosition() {
        LoadResult r = InventoryYaml.base().replace("cluster:\n", "cluster:\n  disableUnusedAdapters: sometimes\n").load();
        assertThat(r.formattedProblems()).singleElement().asString()
                .startsWith("test.yaml:2:26: error: cluster.disableUnusedAdapters:");
    }
}

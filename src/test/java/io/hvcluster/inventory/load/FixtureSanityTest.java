package io.hvcluster.inventory.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.testing.InventoryYaml;
import org.junit.jupiter.api.Test;

class FixtureSanityTest {

    @Test
    void baseInventoryHasNoProblems() {
        LoadResult r = InventoryYaml.base().load();
        assertThat(r.problems()).isEmpty();
        assertThat(r.inventory()).isPresent();
    }

    @Test
    void addedHostsKeepTheInventoryValid() {
        LoadResult r = InventoryYaml.base().withHost(3).withHost(4).load();
        assertThat(r.problems()).isEmpty();
        assertThat(r.inventory().orElseThrow().hosts()).hasSize(4);
    }
}

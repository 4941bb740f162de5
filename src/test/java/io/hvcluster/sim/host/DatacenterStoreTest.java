package io.hvcluster.sim.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.secrets.Secret;
import io.hvcluster.testing.InventoryFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two simulated runs on one state folder: each change is merged into the saved state, none overwrites another. */
class DatacenterStoreTest {

    @Test
    void twoRunsOnOneFolderKeepEachOthersChanges(@TempDir Path tmp) {
        Inventory inv = InventoryFixtures.nodes(2, io.hvcluster.inventory.TargetOs.DEFAULT);
        DatacenterStore store = new DatacenterStore(tmp);
        SimulatedDatacenter first = DatacenterBuilder.fresh(inv).domainPassword(Secret.of("x")).build();
        store.save(first);
        SimulatedDatacenter second = store.load(Latencies.fast()).orElseThrow();

        store.update(first, () -> first.dns.put("one.corp.example.com", "10.0.0.201"));
        store.update(second, () -> second.dns.put("two.corp.example.com", "10.0.0.202"));
        store.update(first, () -> null);

        SimulatedDatacenter saved = store.load(Latencies.fast()).orElseThrow();
        assertThat(saved.dns).containsEntry("one.corp.example.com", "10.0.0.201")
                .containsEntry("two.corp.example.com", "10.0.0.202");
        assertThat(first.dns).containsKeys("one.corp.example.com", "two.corp.example.com");
    }
}

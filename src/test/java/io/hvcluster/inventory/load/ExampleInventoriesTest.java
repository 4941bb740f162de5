package io.hvcluster.inventory.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.NetworkPurpose;
import io.hvcluster.inventory.QuorumMode;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The shipped examples are what admins copy: they must load without a single problem. */
class ExampleInventoriesTest {

    @ParameterizedTest
    @ValueSource(strings = {"lab-2node.yaml", "lab-3node.yaml", "lab-4node.yaml"})
    void loadsWithoutProblems(String file) throws InventoryReadException {
        LoadResult r = InventoryLoader.load(Path.of("inventories", file));
        assertThat(r.formattedProblems()).isEmpty();
        assertThat(r.inventory()).isPresent();
    }

    @Test
    void twoNodeLabHasADiskWitnessACsvAndASwitch() throws InventoryReadException {
        Inventory inv = InventoryLoader.load(Path.of("inventories", "lab-2node.yaml")).inventory().orElseThrow();
        assertThat(inv.hosts()).hasSize(2);
        assertThat(inv.cluster().effectiveQuorum(2)).isEqualTo(QuorumMode.NODE_AND_DISK_MAJORITY);
        assertThat(inv.cluster().witness()).isPresent();
        assertThat(inv.cluster().sharedVolumes()).hasSize(1);
        assertThat(inv.cluster().virtualSwitches()).hasSize(1);
        assertThat(inv.hosts().get(1).nic("Virtual 1").orElseThrow().currentName()).contains("Ethernet 4");
    }

    @Test
    void threeNodeLabConfiguresItsWitnessDespiteTheOddCount() throws InventoryReadException {
        Inventory inv = InventoryLoader.load(Path.of("inventories", "lab-3node.yaml")).inventory().orElseThrow();
        // Issue 12 item 3: a witness on every cluster, as Microsoft recommends since Windows Server 2012 R2.
        assertThat(inv.cluster().effectiveQuorum(3)).isEqualTo(QuorumMode.NODE_AND_DISK_MAJORITY);
        assertThat(inv.cluster().witness()).isPresent();
        assertThat(inv.cluster().sharedVolumes()).hasSize(1);
    }

    @Test
    void fourNodeLabHasTwoIscsiPathsTwoCsvsAndCapacity() throws InventoryReadException {
        Inventory inv = InventoryLoader.load(Path.of("inventories", "lab-4node.yaml")).inventory().orElseThrow();
        assertThat(inv.hosts()).hasSize(4);
        assertThat(inv.networksWith(NetworkPurpose.ISCSI)).extracting(n -> n.name())
                .containsExactly("iSCSI 1", "iSCSI 2");
        assertThat(inv.networksWith(NetworkPurpose.LIVE_MIGRATION)).hasSize(1);
        assertThat(inv.cluster().sharedVolumes()).hasSize(2);
        assertThat(inv.cluster().witness()).isPresent();
        assertThat(inv.capacity()).isPresent();
        assertThat(inv.firstNode().name()).isEqualTo("HV01");
    }
}

package io.hvcluster.inventory.load;

import static io.hvcluster.inventory.check.Problem.error;
import static io.hvcluster.inventory.check.Problem.warning;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.VirtualSwitchSpec;
import io.hvcluster.testing.InventoryYaml;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SwitchRulesTest {

    private static final String SWITCH = "    - { name: External, network: Virtual 1, allowManagementOS: false }";

    @Test
    void switchMustBindToAVirtualSwitchNetwork() {
        LoadResult r = InventoryYaml.base().replace("network: Virtual 1,", "network: Cluster,").load();
        assertThat(r.problems()).containsExactly(
                error("cluster.virtualSwitches[0].network", 10, 34,
                        "'Cluster' has purpose cluster; a switch needs a network with purpose virtual-switch"),
                warning("networks[3].name", 15, 13,
                        "no virtual switch uses this network; add one under cluster.virtualSwitches"));
    }

    @Test
    void switchNetworkMustExist() {
        LoadResult r = InventoryYaml.base().replace("network: Virtual 1,", "network: Virtual1,").load();
        assertThat(r.problems()).containsExactly(
                error("cluster.virtualSwitches[0].network", 10, 34, "no network named 'Virtual1'; did you mean 'Virtual 1'?"),
                warning("networks[3].name", 15, 13,
                        "no virtual switch uses this network; add one under cluster.virtualSwitches"));
    }

    @Test
    void switchNamesAreUniqueIgnoringCase() {
        LoadResult r = InventoryYaml.base().replace(SWITCH, SWITCH + "\n    - { name: external, network: Virtual 1 }")
                .load();
        assertThat(r.problems()).containsExactly(
                error("cluster.virtualSwitches[1].name", 11, 15,
                        "duplicate switch name 'external' (cluster.virtualSwitches[0] is 'External'; switch names ignore case)"),
                error("cluster.virtualSwitches[1].network", 11, 34,
                        "'Virtual 1' is already the uplink of cluster.virtualSwitches[0]; a NIC carries one external switch"));
    }

    @Test
    void vlanMustBeBetween1And4094() {
        LoadResult r = InventoryYaml.base().replace("allowManagementOS: false }", "allowManagementOS: true, vlan: 4095 }")
                .load();
        assertThat(r.problems()).containsExactly(
                error("cluster.virtualSwitches[0].vlan", 10, 76, "4095 is not a VLAN id; expected 1-4094"));
    }

    @Test
    void vlanForTheManagementOsAdapterIsKept() {
        LoadResult r = InventoryYaml.base().replace("allowManagementOS: false }", "allowManagementOS: true, vlan: 20 }")
                .load();
        assertThat(r.problems()).isEmpty();
        assertThat(r.inventory().orElseThrow().cluster().virtualSwitches())
                .containsExactly(new VirtualSwitchSpec("External", "Virtual 1", true, Optional.of(20)));
    }

    @Test
    void vlanWithoutManagementOsAdapterIsAWarning() {
        LoadResult r = InventoryYaml.base().replace("allowManagementOS: false }", "allowManagementOS: false, vlan: 20 }")
                .load();
        assertThat(r.problems()).containsExactly(warning("cluster.virtualSwitches[0].vlan", 10, 77,
                "vlan tags the management OS adapter, which allowManagementOS: false does not create; it has no effect"));
    }

    @Test
    void unusedVirtualSwitchNetworkIsAWarning() {
        LoadResult r = InventoryYaml.base().removeLine(SWITCH).removeLine("  virtualSwitches:").load();
        assertThat(r.problems()).containsExactly(warning("networks[3].name", 13, 13,
                "no virtual switch uses this network; add one under cluster.virtualSwitches"));
    }
}

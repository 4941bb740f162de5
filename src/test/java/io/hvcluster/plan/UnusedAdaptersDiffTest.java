package io.hvcluster.plan;

import io.hvcluster.pipeline.ChangeText;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.testing.FactsFixtures;
import io.hvcluster.testing.InventoryFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** cluster.disableUnusedAdapters: unnamed physical NICs are planned for disabling; named and session NICs never. */
class UnusedAdaptersDiffTest {


    static Map<String, HostFacts> withExtraNic(Map<String, HostFacts> facts, String host, String name, String mac, String status) {
        return FactsFixtures.withHost(facts, host, f -> {
            List<HostFacts.Adapter> adapters = new ArrayList<>(f.adapters());
            adapters.add(new HostFacts.Adapter(name, "Broadcom NetXtreme Gigabit Ethernet", mac, status, 99, "1 Gbps", false, true, true,
                    List.of(), false, List.of(), List.of()));
            return new HostFacts(f.probe(), f.computerName(), f.errors(), f.os(), f.cpu(), f.system(), f.features(), adapters,
                    f.sessionAdapters(), f.disks(), f.cluster(), f.hyperV(), false, null, null, null, null);
        });
    }

    private static List<String> unbindChanges(Inventory inv, Map<String, HostFacts> facts) {
        return new Planner().plan(inv, facts, RebootStrategy.AUTO).steps().stream()
                .filter(s -> s.stepId().equals("unbind-protocols")).flatMap(s -> s.changes().stream().map(c -> s.host() + ": " + ChangeText.line(c))).toList();
    }

    @Test
    void anUnnamedNicIsPlannedForDisablingOnlyWhenAsked() {
        Inventory base = InventoryFixtures.fourNodes();
        Map<String, HostFacts> facts = withExtraNic(FactsFixtures.converged(base), "HV02", "Ethernet 9", "00-10-18-AA-BB-CC", "Up");
        assertThat(unbindChanges(InventoryFixtures.withDisableUnusedAdapters(base, true), facts)).containsExactly("HV02: ~ unused adapter 'Ethernet 9' [00-10-18-AA-BB-CC]: Up → Disabled");
        assertThat(unbindChanges(InventoryFixtures.withDisableUnusedAdapters(base, false), facts)).isEmpty();
    }

    @Test
    void disabledSessionAndNamedNicsAreLeftAlone() {
        Inventory inv = InventoryFixtures.withDisableUnusedAdapters(InventoryFixtures.fourNodes(), true);
        Map<String, HostFacts> facts = withExtraNic(FactsFixtures.converged(inv), "HV02", "Ethernet 9", "00-10-18-AA-BB-CC", "Disabled");
        facts = withExtraNic(facts, "HV03", "Backup", "00-10-18-AA-BB-DD", "Up");
        facts = FactsFixtures.withHost(facts, "HV03", f -> FactsFixtures.withSessionAdapters(f, List.of("Parent", "Backup")));
        assertThat(unbindChanges(inv, facts)).isEmpty();
    }
}

package io.hvcluster.inventory.load;

import io.hvcluster.inventory.check.Problems;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Every semantic rule, run over whatever was readable. Each rule skips values that are absent or unreadable
 * (already reported), so one mistake is reported once and never hides a mistake elsewhere.
 */
final class InventoryRules {

    private static final List<BiConsumer<InventoryDocument, Problems>> RULES = List.of(
            HostRules::check,
            ClusterRules::check,
            QuorumRules::check,
            DiskRules::check,
            NetworkRules::check,
            NicRules::check,
            SwitchRules::check,
            ConnectionRules::check,
            CapacityRules::check,
            HostSettingsRules::check,
            StorageRules::check);

    private InventoryRules() {
    }

    static void check(InventoryDocument document, Problems problems) {
        for (BiConsumer<InventoryDocument, Problems> rule : RULES) {
            rule.accept(document, problems);
        }
    }
}

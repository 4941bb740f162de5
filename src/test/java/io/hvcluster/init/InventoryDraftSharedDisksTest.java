package io.hvcluster.init;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.testing.FactsFixtures;
import io.hvcluster.testing.InventoryFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * hvcluster init finds the disks every host sees with the one disk matcher ({@code DiskIdentity}): a LUN whose
 * serial one host reports padded and in another case is still one shared disk, as Find-HvcDisk would find it.
 */
class InventoryDraftSharedDisksTest {

    private static final long GIB = 1L << 30;

    private static HostFacts.Disk lun(int number, String serial, long size) {
        return new HostFacts.Disk(number, serial, "", "", 0, "RAW", size, false, true, false, "iSCSI");
    }

    private static InventoryDraft.ProbedHost host(Inventory inv, Host h, List<HostFacts.Disk> disks) {
        return new InventoryDraft.ProbedHost(h.name(), "192.0.2.1", FactsFixtures.withDisks(FactsFixtures.freshHost(inv, h), disks));
    }

    @Test
    void aSerialPaddedAndInAnotherCaseOnOneHostIsStillOneSharedDisk() {
        Inventory inv = InventoryFixtures.fourNodes();
        List<InventoryDraft.ProbedHost> hosts = inv.hosts().stream().map(h -> host(inv, h, h.name().equals("HV02")
                ? List.of(lun(1, "  data-lun-07", 2048 * GIB), lun(2, "  wit-01", GIB))
                : List.of(lun(1, "DATA-LUN-07", 2048 * GIB), lun(2, "WIT-01", GIB)))).toList();
        String draft = InventoryDraft.write(hosts, new InventoryDraft.ConnectionDraft(5985, false, "kerberos", "", false),
                Instant.parse("2026-03-02T08:00:00Z"), Optional.empty());
        assertThat(draft).contains("label: CSV1, serial: DATA-LUN-07").contains("label: Witness, serial: WIT-01")
                .doesNotContain("not shared by every host");
    }
}

package io.hvcluster.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.ClusterSpec;
import io.hvcluster.inventory.DiskSpec;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.sim.host.SimDisk;
import io.hvcluster.sim.host.SimulatedCluster;
import io.hvcluster.testing.InventoryFixtures;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: the preflight, the plan and the simulator used to match shared disks three ways (the preflight compared
 * serials exactly, the plan compared unique ids exactly, the simulator did neither). Windows pads serial numbers
 * with spaces (PowerShell/PowerShell#12616) and PowerShell's -eq ignores case, so Find-HvcDisk matches both; now
 * all three use {@link io.hvcluster.facts.DiskIdentity} and agree with it.
 */
class DiskIdentityAgreementTest {

    private static final String WITNESS_UNIQUE_ID = "60022480ABCDEF0123456789ABCDEF01";

    @Test
    void aUniqueIdInAnotherCaseAndAPaddedSerialAreTheSameDiskForPreflightPlanAndSimulator() throws Exception {
        Inventory base = InventoryFixtures.fourNodes();
        ClusterSpec c = base.cluster();
        // The inventory names the witness by unique id in lower case, CSV1 by its serial in lower case.
        ClusterSpec cluster = new ClusterSpec(c.name(), c.address(), c.domain(), c.targetOs(), c.quorum(),
                Optional.of(new DiskSpec("Witness", Optional.empty(), Optional.of(WITNESS_UNIQUE_ID.toLowerCase(Locale.ROOT)),
                        c.witness().orElseThrow().sizeBytes())),
                c.sharedVolumes().stream().map(v -> v.label().equals("CSV1")
                        ? new DiskSpec(v.label(), v.serial().map(s -> s.toLowerCase(Locale.ROOT)), v.uniqueId(), v.sizeBytes()) : v).toList(),
                c.virtualSwitches(), c.disableUnusedAdapters());
        Inventory inv = new Inventory(base.source(), cluster, base.networks(), base.hosts(), base.connection(), base.capacity());
        SimulatedRun sim = new SimulatedRun(inv);
        // The SAN reports the unique id in upper case and Get-Disk pads the serial numbers.
        for (SimDisk d : sim.dc.disks) {
            if (d.uniqueId.equalsIgnoreCase(WITNESS_UNIQUE_ID)) {
                d.uniqueId = WITNESS_UNIQUE_ID;
            }
            if (!d.boot) {
                d.serial = "        " + d.serial + "  ";
            }
        }

        SimulatedRun.Outcome out = sim.apply();

        assertThat(sim.preflight.findings()).as("preflight").noneMatch(f -> f.found().contains("disk '"));
        assertThat(out.plan().steps()).as("plan").noneMatch(StepPlan::blocked);
        assertThat(out.result().anyFailed()).as(out.result().summary()).isFalse();
        SimulatedCluster built = sim.dc.clusterOf("HV01").orElseThrow();
        assertThat(built.quorumResource).isEqualTo("Witness");
        assertThat(built.diskResources).extracting(r -> r.name).contains("Witness", "CSV1", "CSV2");
    }
}

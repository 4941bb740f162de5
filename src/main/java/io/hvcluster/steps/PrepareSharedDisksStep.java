package io.hvcluster.steps;

import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.DiskSpec;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.pipeline.StepPlanBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Before validation, on the first node: every witness and CSV disk online and writable, and a RAW one (a new LUN,
 * no partition table) initialized GPT with one partition of maximum size and an NTFS (or ReFS) volume carrying the
 * inventory's label. A disk witness needs a basic disk with one NTFS or ReFS volume (manage-cluster-quorum), a CSV
 * a basic disk with an NTFS or ReFS partition (failover-cluster-csvs).
 *
 * <p>A disk that has partitions is never modified: {@link SharedDiskLayout} says what is wrong with it (an MBR
 * CSV, several partitions, a partition without a file system, another file system) as a problem with a fix; a
 * label other than the inventory's is only a warning (the script's; the preflight repeats it). A disk the cluster
 * already holds is the cluster's: its online state moves with its owner, so the step leaves it alone.
 */
public final class PrepareSharedDisksStep implements Step<PrepareSharedDisksStep.Params> {

    public static final String ID = "prepare-shared-disks";

    /** @param disks the witness (first) and the CSV disks */
    public record Params(List<PreparedDisk> disks) {
    }

    /**
     * One disk as the script receives it.
     *
     * @param label      the volume label to give a RAW disk
     * @param serial     trimmed serial, "" when not given (see {@link DiskRef})
     * @param uniqueId   unique id, "" when not given
     * @param fileSystem "NTFS" or "ReFS", as Format-Volume -FileSystem takes it
     * @param csv        whether it becomes a Cluster Shared Volume (then it must be GPT)
     */
    public record PreparedDisk(String label, String serial, String uniqueId, String fileSystem, boolean csv) {

        static PreparedDisk of(DiskSpec spec, boolean csv) {
            DiskRef ref = DiskRef.of(spec);
            return new PreparedDisk(ref.label(), ref.serial(), ref.uniqueId(), spec.fileSystem().windowsName(), csv);
        }

        public DiskRef ref() {
            return new DiskRef(label, serial, uniqueId);
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Prepare the shared disks (online; initialize and format RAW ones)";
    }

    @Override
    public Scope scope() {
        return Scope.CLUSTER;
    }

    @Override
    public Set<String> dependsOn() {
        // The disks are reached over the storage networks, connected by connect-storage (iSCSI) once they are addressed.
        return Set.of(ConfigureAddressesStep.ID, ConnectStorageStep.ID);
    }

    @Override
    public Params parameters(Inventory inventory, Host host) {
        List<PreparedDisk> disks = new ArrayList<>();
        inventory.cluster().witness().ifPresent(w -> disks.add(PreparedDisk.of(w, false)));
        inventory.cluster().sharedVolumes().forEach(v -> disks.add(PreparedDisk.of(v, true)));
        return new Params(disks);
    }

    @Override
    public StepPlan plan(String host, Params params, FactsView facts) {
        StepPlanBuilder out = new StepPlanBuilder(ID, host);
        HostFacts node = facts.of(host);
        for (PreparedDisk d : params.disks()) {
            List<HostFacts.Disk> found = d.ref().identity().matching(node);
            if (found.size() != 1 && !facts.scriptView()
                    && ConnectStorageStep.pendingOn(facts.inventory().host(host).orElseThrow(), facts)) {
                // An iSCSI LUN is invisible (or shows once per path) until connect-storage has made the sessions; what
                // the disk holds is known only then, so the plan says what happens if it is RAW. In a script's view
                // connect-storage has run (it is a dependency): a disk not found once is the script's error.
                out.format("disk '" + d.label() + "' (serial " + d.serial() + ", once connect-storage has connected it)",
                        "if RAW: " + SharedDiskLayout.layout(d) + "; a disk with partitions is left as it is");
                continue;
            }
            if (found.size() != 1) {
                out.problem("disk '" + d.label() + "' (serial '" + d.serial() + "', unique id '" + d.uniqueId()
                        + "'): expected exactly one on " + node.computerName() + ", found " + found.size());
                continue;
            }
            SharedDiskLayout.plan(out, d, found.get(0));
        }
        return out.build();
    }

    /**
     * The script's warnings on a converged node: a prepared disk whose volume label is not the inventory's is used as
     * it is (the preflight says the same before the build).
     */
    public List<String> warnings(String host, Params params, FactsView facts) {
        HostFacts node = facts.of(host);
        List<String> out = new ArrayList<>();
        for (PreparedDisk d : params.disks()) {
            List<HostFacts.Disk> found = d.ref().identity().matching(node);
            if (found.size() == 1) {
                SharedDiskLayout.labelMismatch(d, found.get(0)).ifPresent(out::add);
            }
        }
        return out;
    }

    @Override
    public List<String> checks() {
        return List.of("Each disk below is online on this node: `Get-Disk | Where-Object Number -ne $null` shows IsOffline False, "
                        + "IsReadOnly False.",
                "A disk that was RAW is GPT now with one NTFS (or ReFS) volume labelled as the inventory says "
                        + "(`Get-Disk | Where-Object Number -ne $null | Get-Partition | Get-Volume`).",
                "The script formats only RAW disks; a disk with partitions is never changed: read its warnings and errors.");
    }
}

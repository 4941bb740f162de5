package io.hvcluster.sim.host;

import io.hvcluster.steps.PrepareSharedDisksStep;
import io.hvcluster.steps.SharedDiskLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * templates/prepare-shared-disks/apply.ps1.vm on the disk model: online and writable; Initialize-Disk (a new GPT
 * GUID) only on a RAW disk; New-Partition and Format-Volume only on a GPT disk without partitions; every other disk
 * is checked and never modified. The messages are the template's (shared through {@link SharedDiskLayout}).
 */
final class PrepareSharedDisksEffect implements StepEffect<PrepareSharedDisksStep.Params> {

    @Override
    public Class<PrepareSharedDisksStep.Params> paramsType() {
        return PrepareSharedDisksStep.Params.class;
    }

    @Override
    public void apply(StepRun run, PrepareSharedDisksStep.Params params) throws StepFailure {
        List<Map<String, String>> prepared = new ArrayList<>();
        run.data.put("disks", prepared);
        for (PrepareSharedDisksStep.PreparedDisk d : params.disks()) {
            GetDisk.Listed listed = ClusterDisks.find(run, d.ref());
            SimDisk disk = listed.disk();
            int number = listed.number().orElseThrow();
            String name = SharedDiskLayout.describe(d.label(), disk.serial, disk.sizeBytes);
            if (run.cluster().flatMap(c -> ClusterDisks.resourceOf(c, disk)).isPresent()) {
                continue;
            }
            if (disk.onlineOn.stream().noneMatch(h -> h.equalsIgnoreCase(run.host.name))) {
                disk.onlineOn.add(run.host.name);
                run.change("brought " + name + " online");
            }
            if (disk.readOnly) {
                disk.readOnly = false;
                run.change("made " + name + " writable");
            }
            if (disk.raw()) {
                disk.partitionStyle = "GPT";
                // Initialize-Disk writes a new GPT GUID; derived from the LUN here so that runs repeat.
                disk.guid = UUID.nameUUIDFromBytes(("gpt/" + disk.uniqueId).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
                run.change("initialized " + name + " GPT");
            }
            if (d.csv() && !disk.partitionStyle.equals("GPT")) {
                throw new StepFailure(SharedDiskLayout.mbrCsv(d.label(), disk.serial, disk.partitionStyle, number));
            }
            if (disk.partitions == 0) {
                disk.partitions = 1;
                disk.fileSystem = d.fileSystem();
                disk.volumeLabel = d.label();
                run.change("formatted " + name + " " + d.fileSystem() + " with label '" + d.label() + "'");
                prepared.add(entry(d.label(), disk.serial, d.fileSystem()));
                continue;
            }
            if (disk.partitions > 1) {
                throw new StepFailure(SharedDiskLayout.partitions(d.label(), disk.serial, disk.partitions, number));
            }
            String problem = SharedDiskLayout.volumeProblem(d.label(), disk.serial, d.fileSystem(), disk.fileSystem, number).orElse(null);
            if (problem != null) {
                throw new StepFailure(problem);
            }
            if (!disk.volumeLabel.equals(d.label())) {
                run.warning(SharedDiskLayout.labelWarning(d.label(), disk.serial, disk.volumeLabel));
            }
            prepared.add(entry(d.label(), disk.serial, disk.fileSystem));
        }
    }

    private static Map<String, String> entry(String label, String serial, String fileSystem) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("label", label);
        m.put("serial", serial.trim());
        m.put("fileSystem", fileSystem);
        return m;
    }
}

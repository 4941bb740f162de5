package io.hvcluster.inventory.load;

import io.hvcluster.inventory.QuorumMode;
import io.hvcluster.inventory.TargetOs;
import io.hvcluster.inventory.VolumeFileSystem;
import io.hvcluster.inventory.check.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads {@code cluster:}: names, address, quorum, disks and virtual switches. */
final class ClusterSectionReader {

    private static final List<String> KEYS = List.of("name", "address", "domain", "os", "quorum", "witness",
            "sharedVolumes", "virtualSwitches", "disableUnusedAdapters", WitnessSectionReader.FILE_SHARE, WitnessSectionReader.CLOUD);
    private static final List<String> SWITCH_KEYS = List.of("name", "network", "allowManagementOS", "vlan");
    private static final String NO_DISK_NUMBERS = "disks are identified by serial or uniqueId, never by disk number: "
            + "numbers change between reboots and differ between nodes";
    private static final Map<String, String> DISK_REFUSALS = Map.of("number", NO_DISK_NUMBERS, "diskNumber",
            NO_DISK_NUMBERS, "disk", NO_DISK_NUMBERS);
    private static final long MB = 1024L * 1024;
    private static final long GB = 1024L * MB;
    private static final long MAX_GB = 1024L * 1024;

    private final Problems problems;

    ClusterSectionReader(Problems problems) {
        this.problems = problems;
    }

    ClusterDocument read(MappingReader m) {
        m.allowOnly(KEYS);
        DiskDocument witness = m.map("witness").map(w -> disk(w, "sizeMB", MB)).orElse(null);
        List<DiskDocument> volumes = new ArrayList<>();
        for (Located<Node> item : m.list("sharedVolumes")) {
            MappingReader.of(item.value(), item.at(), problems).ifPresent(v -> volumes.add(disk(v, "sizeGB", GB)));
        }
        List<SwitchDocument> switches = new ArrayList<>();
        for (Located<Node> item : m.list("virtualSwitches")) {
            MappingReader.of(item.value(), item.at(), problems).ifPresent(s -> switches.add(virtualSwitch(s)));
        }
        return new ClusterDocument(m.at(), m.requiredText("name"), TypedText.ipv4(m.requiredText("address"), problems),
                m.requiredText("domain"),
                TypedText.choice(m.text("os"), "os", TypedText.yamlNames(TargetOs.values(), TargetOs::yamlName), TargetOs::fromYaml, problems),
                TypedText.choice(m.text("quorum"), "quorum mode", TypedText.yamlNames(QuorumMode.values(), QuorumMode::yamlName), QuorumMode::fromYaml,
                        problems),
                m.node("witness").isPresent() ? m.keyAt("witness") : null, witness, volumes, switches, m.bool("disableUnusedAdapters"),
                new WitnessSectionReader(problems).read(m));
    }

    private DiskDocument disk(MappingReader m, String sizeKey, long unit) {
        m.allowOnly(List.of("label", "serial", "uniqueId", sizeKey, "fileSystem"), DISK_REFUSALS);
        Located<Long> size = m.whole(sizeKey);
        Located<Long> bytes = null;
        long max = MAX_GB * GB / unit;
        if (size != null && (size.value() < 1 || size.value() > max)) {
            problems.add(size.error("must be between 1 and " + max));
        } else if (size != null) {
            bytes = size.with(size.value() * unit);
        }
        return new DiskDocument(m.at(), m.requiredText("label"), identifier(m, "serial"), identifier(m, "uniqueId"),
                m.node("serial").isPresent() || m.node("uniqueId").isPresent(), bytes,
                TypedText.choice(m.text("fileSystem"), "file system",
                        TypedText.yamlNames(VolumeFileSystem.values(), VolumeFileSystem::windowsName), VolumeFileSystem::fromYaml, problems));
    }

    /**
     * Get-Disk pads serial numbers with spaces; the scripts compare trimmed values, so store them trimmed. A blank
     * one is reported here and kept, so the "needs serial or uniqueId" rule does not report it a second time.
     */
    private Located<String> identifier(MappingReader m, String key) {
        Located<String> v = m.text(key);
        if (v != null && v.value().isBlank()) {
            problems.add(v.error("must not be empty"));
        }
        return v == null ? null : v.with(v.value().trim());
    }

    private SwitchDocument virtualSwitch(MappingReader m) {
        m.allowOnly(SWITCH_KEYS);
        return new SwitchDocument(m.at(), m.requiredText("name"), m.requiredText("network"),
                m.bool("allowManagementOS"), m.whole("vlan"));
    }

}

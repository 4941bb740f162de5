package io.hvcluster.inventory.load;

import io.hvcluster.inventory.check.ShownText;
import io.hvcluster.inventory.DiskSpec;
import io.hvcluster.inventory.check.Problems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Rules for the witness and CSV disks: identifiable on every node, distinct, the witness big enough. */
final class DiskRules {

    /** NTFS and ReFS volume labels hold at most 32 characters. */
    static final int MAX_LABEL = 32;
    private static final String NOT_ALSO_CSV = "the witness disk cannot also be a shared volume";

    private DiskRules() {
    }

    static void check(InventoryDocument d, Problems problems) {
        ClusterDocument c = d.cluster();
        if (c == null) {
            return;
        }
        List<DiskDocument> all = new ArrayList<>();
        if (c.witness() != null) {
            all.add(c.witness());
            witnessSize(c.witness(), problems);
        }
        all.addAll(c.sharedVolumes());
        for (DiskDocument disk : all) {
            if (!disk.identifierWritten()) {
                problems.add(disk.at().error("needs serial or uniqueId: a label alone cannot identify the disk on a "
                        + "node that does not own it"));
            }
            if (disk.label() != null) {
                label(disk.label(), problems);
            }
        }
        distinct(all, c.witness(), "label", DiskDocument::label, problems);
        distinct(all, c.witness(), "serial", DiskDocument::serial, problems);
        distinct(all, c.witness(), "uniqueId", DiskDocument::uniqueId, problems);
    }

    private static void witnessSize(DiskDocument witness, Problems problems) {
        Located<Long> size = witness.sizeBytes();
        if (size != null && size.value() < DiskSpec.WITNESS_MINIMUM_BYTES) {
            problems.add(size.error(size.value() / (1024 * 1024) + " MB is below the 512 MB minimum for a witness "
                    + "disk"));
        }
    }

    private static void label(Located<String> label, Problems problems) {
        String v = label.value();
        if (v.isBlank()) {
            problems.add(label.error("must not be empty"));
        } else if (v.length() > MAX_LABEL) {
            problems.add(label.error("'" + ShownText.value(v) + "' has " + v.length() + " characters; a volume label has at most "
                    + MAX_LABEL));
        }
    }

    private static void distinct(List<DiskDocument> disks, DiskDocument witness, String field,
            Function<DiskDocument, Located<String>> value, Problems problems) {
        Map<String, DiskDocument> seen = new HashMap<>();
        for (DiskDocument disk : disks) {
            Located<String> v = value.apply(disk);
            if (v == null || v.value().isBlank()) {
                continue;
            }
            DiskDocument first = seen.putIfAbsent(v.value().toLowerCase(Locale.ROOT), disk);
            if (first == null) {
                continue;
            }
            if (first == witness) {
                problems.add(v.error(field + " '" + ShownText.value(v.value()) + "' is the witness disk's; " + NOT_ALSO_CSV));
            } else {
                problems.add(v.error(field + " '" + ShownText.value(v.value()) + "' is already used by " + first.at().path()
                        + "; every disk has its own"));
            }
        }
    }
}

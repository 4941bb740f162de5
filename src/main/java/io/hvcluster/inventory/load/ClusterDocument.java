package io.hvcluster.inventory.load;

import io.hvcluster.inventory.Ipv4;
import io.hvcluster.inventory.QuorumMode;
import io.hvcluster.inventory.TargetOs;
import java.util.List;

/** {@code cluster:} as read. {@code witness} is null when not given or unreadable; {@code witnessAt} only when not given. */
record ClusterDocument(
        Anchor at,
        Located<String> name,
        Located<Ipv4> address,
        Located<String> domain,
        Located<TargetOs> os,
        Located<QuorumMode> quorum,
        Anchor witnessAt,
        DiskDocument witness,
        List<DiskDocument> sharedVolumes,
        List<SwitchDocument> virtualSwitches,
        Located<Boolean> disableUnusedAdapters,
        List<WitnessSectionReader.ExternalWitnessDocument> externalWitnesses) {
}

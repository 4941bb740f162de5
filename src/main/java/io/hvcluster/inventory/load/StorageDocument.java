package io.hvcluster.inventory.load;

import io.hvcluster.inventory.Ipv4;
import io.hvcluster.inventory.LoadBalancePolicy;
import io.hvcluster.inventory.MpioMode;
import io.hvcluster.inventory.StorageKind;
import java.util.List;

/**
 * The {@code storage:} section as read; every field nullable (absent or unreadable).
 *
 * @param targetsAt where {@code targets} is written, or null
 */
record StorageDocument(
        Anchor at,
        Located<StorageKind> kind,
        Anchor targetsAt,
        List<TargetDocument> targets,
        ChapDocument chap,
        Located<MpioMode> mpio,
        Located<LoadBalancePolicy> loadBalancePolicy) {

    /** One entry of {@code storage.targets}; {@code portalsAt} is null when the key is missing. */
    record TargetDocument(Anchor at, Anchor portalsAt, List<Located<Ipv4>> portals, Located<String> iqn) {
    }

    /** {@code storage.chap}: the user name and the environment variable of the secret (never the secret). */
    record ChapDocument(Anchor at, Located<String> username, Located<String> secretVariable) {
    }
}

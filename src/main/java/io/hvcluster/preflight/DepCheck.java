package io.hvcluster.preflight;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;

/** Hyper-V needs hardware-enforced Data Execution Prevention (Intel XD / AMD NX). */
final class DepCheck implements PreflightCheck {

    @Override
    public String id() {
        return "cpu-dep";
    }

    @Override
    public void check(PreflightInput in, Findings out) {
        in.hostFacts().forEach((Host h, HostFacts f) -> {
            if (f.os() != null && !f.os().depAvailable()) {
                out.error(h.name(), "hardware DEP is not available", "Data Execution Prevention (Intel XD bit / AMD NX bit) enabled",
                        "enable the Execute Disable (XD) or No-Execute (NX) bit in " + h.name() + "'s firmware, then restart it");
            }
        });
    }
}

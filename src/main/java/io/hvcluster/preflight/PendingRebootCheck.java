package io.hvcluster.preflight;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;

/** A restart Windows is waiting for (updates, a feature) can fail installs and validation halfway. */
final class PendingRebootCheck implements PreflightCheck {

    @Override
    public String id() {
        return "pending-reboot";
    }

    @Override
    public void check(PreflightInput in, Findings out) {
        in.hostFacts().forEach((Host h, HostFacts f) -> {
            if (f.os() != null && f.os().pendingReboot()) {
                out.warning(h.name(), "a restart is pending", "no pending restart",
                        "restart " + h.name() + " first (Restart-Computer), then run again");
            }
        });
    }
}

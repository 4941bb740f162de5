package io.hvcluster.preflight;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;

/** Hyper-V installed by someone else and waiting for its restart: the hypervisor does not run yet. */
final class HyperVInstallPendingCheck implements PreflightCheck {

    @Override
    public String id() {
        return "hyper-v-install-pending";
    }

    @Override
    public void check(PreflightInput in, Findings out) {
        in.hostFacts().forEach((Host h, HostFacts f) -> {
            if (f.feature("Hyper-V").map(x -> "InstallPending".equals(x.installState())).orElse(false)) {
                out.warning(h.name(), "Hyper-V is installed but waits for a restart (InstallPending)", "Hyper-V Available or Installed",
                        "restart " + h.name() + " to finish the install (enable-hyper-v also restarts it, as its reboot strategy says)");
            }
        });
    }
}

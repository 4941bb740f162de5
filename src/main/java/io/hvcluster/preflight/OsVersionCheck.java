package io.hvcluster.preflight;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.TargetOs;

/**
 * Every node runs the Windows Server release the inventory targets. The scripts are rendered for that release,
 * and a cluster needs the same version on every node, so checking each node against the target checks both.
 */
final class OsVersionCheck implements PreflightCheck {

    @Override
    public String id() {
        return "os-version";
    }

    @Override
    public void check(PreflightInput in, Findings out) {
        TargetOs target = in.inventory().cluster().targetOs();
        in.hostFacts().forEach((Host h, HostFacts f) -> {
            if (f.os() == null || f.os().build() == target.build()) {
                return;
            }
            out.error(h.name(), "build " + f.os().build() + " (" + f.os().productName() + ")",
                    "build " + target.build() + ": the inventory's cluster.os is " + target.yamlName() + ", and every node runs the same version",
                    "install Windows Server " + target.year() + " on " + h.name() + ", or set cluster.os to the version every node runs");
        });
    }
}

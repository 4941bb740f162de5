package io.hvcluster.cli;

import io.hvcluster.inventory.Inventory;
import java.nio.file.Path;

/**
 * Where simulated hosts keep their state: the folder the user named, or runs/simulator/&lt;cluster name&gt;. One
 * folder per cluster by default, so the quick start's 4-node cluster and the 2-node example never meet each other's
 * hosts (both name theirs HV01, HV02, ...). Checked before the simulator starts, because it saves there at the end.
 */
final class SimulatorStateFolder {

    static final Path ROOT = Path.of("runs", "simulator");

    private SimulatorStateFolder() {
    }

    static Path of(Path option, Inventory inventory) {
        // A cluster name is a NetBIOS name (letters, digits, hyphens): safe as a folder name on every system.
        Path folder = option != null ? option : ROOT.resolve(inventory.cluster().name());
        return WritablePath.folder("--simulator-state", folder);
    }
}

package io.hvcluster.cli;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.PasswordSource;

/** The one line that says which password simulated hosts accept, without ever showing it. */
final class SimulatedPassword {

    private SimulatedPassword() {
    }

    static String describe(Inventory inventory, boolean given) {
        return describe(inventory, given, false);
    }

    static String describe(Inventory inventory, boolean given, boolean passwordStdin) {
        if (!given) {
            return "no password given: the hosts accept the simulator's own, see docs/simulator.md";
        }
        PasswordSource source = inventory.connection().password();
        String from = passwordStdin ? "from standard input"
                : source instanceof PasswordSource.Environment env ? "from " + env.variable()
                : source instanceof PasswordSource.StandardInput ? "from standard input" : "given";
        return "the hosts accept the password " + from;
    }
}

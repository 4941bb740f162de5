package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A French Windows names its adapters "Connexion réseau N". WinRM shells run in code page 437, so the real probe
 * escapes non-ASCII as \\uXXXX (templates/_lib/prologue.ps1.vm); the simulator must too, or the name arrives as
 * "Connexion r?seau 4" and the simulated plan reports a NIC that is not there.
 */
class SimulatedNonAsciiTest {

    @Test
    void anAdapterNamedWithAnAccentIsFoundOverWinRm(@TempDir Path tmp) throws Exception {
        Path inv = Files.writeString(tmp.resolve("fr.yaml"), Files.readString(Path.of("inventories/lab-2node.yaml"))
                .replace("Virtual 1: { name: \"Ethernet 4\" }", "Virtual 1: { name: \"Connexion réseau 4\" }"));
        assertThat(Files.readString(inv)).contains("Connexion réseau 4");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "plan", inv.toString(),
                "--simulate-fresh", "--simulator-state", tmp.resolve("sim").toString(), "--runs-dir",
                tmp.resolve("runs").toString());
        assertThat(code).as(err.toString() + out).isZero();
        assertThat(out.toString()).contains("Connexion réseau 4 → Virtual 1").doesNotContain("r?seau");
    }
}

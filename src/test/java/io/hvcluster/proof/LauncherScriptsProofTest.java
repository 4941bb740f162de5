package io.hvcluster.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.cli.Main;
import io.hvcluster.inventory.TargetOs;
import io.hvcluster.testing.pscheck.PsCheck;
import io.hvcluster.testing.pscheck.PsCheckReport;
import io.hvcluster.testing.pscheck.PsProblem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PowerShell an admin runs on the jump host, not on the cluster: the bin/hvcluster.ps1 launcher and the script
 * `hvcluster completion powershell` prints. No Windows here, so the real PowerShell grammar (tools/pscheck) proves
 * they parse. The cmdlet catalog is the cluster's (Windows Server), so only the grammar is asserted.
 */
class LauncherScriptsProofTest {

    @Test
    void theLauncherAndTheCompletionScriptParse(@TempDir Path tmp) throws Exception {
        StringWriter out = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "completion", "powershell");
        assertThat(exit).isZero();
        Path completion = Files.writeString(tmp.resolve("hvcluster-completion.ps1"), out.toString());
        Path launcher = Files.copy(Path.of("src/dist/bin/hvcluster.ps1"), tmp.resolve("hvcluster.ps1"));

        PsCheckReport report = PsCheck.locate().check(TargetOs.WINDOWS_SERVER_2022, List.of(launcher, completion));
        assertThat(report.files()).isEqualTo(2);
        List<PsProblem> parseErrors = report.problems().stream().filter(p -> p.kind().equals("parse-error")).toList();
        assertThat(parseErrors).as(report.problems().toString()).isEmpty();
    }
}

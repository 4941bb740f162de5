package io.hvcluster.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.TargetOs;
import io.hvcluster.testing.pscheck.PsCheck;
import io.hvcluster.testing.pscheck.PsProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker's one exemption from "call cmdlets by name": invoking a [scriptblock] parameter, and nothing else. */
class ScriptBlockInvocationRuleTest {

    @Test
    void aScriptBlockParameterMayBeInvokedButAnyOtherVariableMayNot(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("t.ps1");
        Files.writeString(script, String.join("\r\n",
                "function Invoke-It {",
                "    param([scriptblock]$Body)",
                "    & $Body",
                "}",
                "Invoke-It -Body { Get-Date -Bogus }",
                "$name = 'Get-Date'",
                "& $name", ""));
        List<PsProblem> problems = PsCheck.locate().check(TargetOs.WINDOWS_SERVER_2022, List.of(script)).problems();
        assertThat(problems).extracting(PsProblem::kind).containsExactlyInAnyOrder("unknown-parameter", "dynamic-command");
        assertThat(problems).filteredOn(p -> p.kind().equals("dynamic-command")).extracting(PsProblem::line).containsExactly(7);
        assertThat(problems).filteredOn(p -> p.kind().equals("unknown-parameter")).extracting(PsProblem::line).containsExactly(5);
    }
}

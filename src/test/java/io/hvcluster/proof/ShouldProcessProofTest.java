package io.hvcluster.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.load.InventoryLoader;
import io.hvcluster.testing.pscheck.PsCheck;
import io.hvcluster.testing.pscheck.ShouldProcessReport;
import io.hvcluster.testing.pscheck.ShouldProcessReport.FileResult;
import io.hvcluster.testing.pscheck.ShouldProcessReport.Unguarded;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 7, proved with the real PowerShell grammar: every rendered apply script (every step, phase, host and
 * reboot variant of every example inventory, and the reviewed golden bundle) is an advanced script whose first
 * statement is [CmdletBinding(SupportsShouldProcess)] param(), and every call of a state-changing cmdlet or of
 * shutdown.exe sits behind $PSCmdlet.ShouldProcess, so `.\01-rename-adapters.ps1 -WhatIf` changes nothing.
 */
class ShouldProcessProofTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/lab-2node");

    @Test
    void everyApplyScriptOfEveryExampleInventoryAndTheGoldenBundleHonoursWhatIfAndConfirm() throws Exception {
        List<Path> apply = new ArrayList<>();
        List<Path> probes = new ArrayList<>();
        for (String name : List.of("lab-2node", "lab-3node", "lab-4node")) {
            Inventory inv = InventoryLoader.load(Path.of("inventories/" + name + ".yaml")).inventory().orElseThrow();
            for (Path p : RenderedScriptsProofTest.renderAll(inv, Path.of("target/proof-whatif/" + name))) {
                (isProbe(p) ? probes : apply).add(p);
            }
        }
        try (Stream<Path> golden = Files.walk(GOLDEN)) {
            golden.filter(p -> p.toString().endsWith(".ps1")).sorted().forEach(apply::add);
        }
        ShouldProcessReport report = PsCheck.locate().shouldProcess(apply);

        assertThat(report.files()).hasSize(apply.size());
        List<FileResult> failing = report.files().stream().filter(f -> !f.honoursWhatIf()).toList();
        assertThat(failing).as(failing.stream().map(FileResult::toString).collect(Collectors.joining("\n"))).isEmpty();
        assertThat(apply.size()).as("apply scripts checked").isGreaterThan(80);
        // The proof saw the changes it guards: the restart, the rename the issue names, cluster creation.
        String all = readAll(apply);
        assertThat(all).contains("shutdown.exe /r", "Rename-NetAdapter", "New-Cluster", "Install-WindowsFeature");
    }

    @Test
    void readOnlyProbesStayPlainScripts() throws Exception {
        Inventory inv = InventoryLoader.load(Path.of("inventories/lab-2node.yaml")).inventory().orElseThrow();
        List<Path> probes = RenderedScriptsProofTest.renderAll(inv, Path.of("target/proof-whatif/probes")).stream()
                .filter(ShouldProcessProofTest::isProbe).toList();
        assertThat(probes).isNotEmpty();
        for (FileResult f : PsCheck.locate().shouldProcess(probes).files()) {
            assertThat(f.paramBlockFirst()).as(f.file() + " (a probe takes no -WhatIf)").isFalse();
        }
    }

    @Test
    void theVerbListComesFromTheCatalogAndSeparatesChangesFromReads(@TempDir Path dir) throws Exception {
        Path script = write(dir, "v.ps1", "Get-Date\r\n");
        ShouldProcessReport.Verbs verbs = PsCheck.locate().shouldProcess(List.of(script)).verbs();
        assertThat(verbs.changing()).contains("set", "new", "remove", "rename", "install", "add", "enable", "disable",
                "suspend", "resume", "restart", "clear", "initialize", "format", "register", "unregister", "start", "stop",
                "move", "update", "connect");
        assertThat(verbs.readOnly()).contains("get", "test", "find", "write", "convertto", "out", "select", "where")
                .doesNotContainAnyElementsOf(verbs.changing());
    }

    @Test
    void theProofFindsEveryUnguardedChange(@TempDir Path dir) throws Exception {
        // Guards the proof itself: today's kind of script (no param block, bare changes) must fail, line by line.
        Path bare = write(dir, "bare.ps1", String.join("\r\n",
                "# hvcluster-step: rename-adapters (apply) on HV01",
                "$ErrorActionPreference = 'Stop'",
                "Get-NetAdapter -Name 'x' | Rename-NetAdapter -NewName 'Cluster'",
                "Format-Volume -DriveLetter 'E'",
                "Get-Date | Format-Table",
                "& shutdown.exe /r /t 30",
                "Start-Sleep -Seconds 1",
                ""));
        Path advanced = write(dir, "advanced.ps1", String.join("\r\n",
                "# hvcluster-step: rename-adapters (apply) on HV01",
                "[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]",
                "param()",
                "function Approve-It { param($T, $A) $PSCmdlet.ShouldProcess($T, $A) }",
                "function Set-Only { Set-NetIPInterface -InterfaceIndex 1 -Dhcp Disabled }",
                "function Set-Leaky { Remove-NetRoute -Confirm:$false }",
                "if ($PSCmdlet.ShouldProcess('HV01', 'Restart')) { & shutdown.exe /r /t 30 } else { New-Item -Path 'C:\\x' }",
                "if (Approve-It 'a' 'b') { Rename-NetAdapter -Name 'a' -NewName 'b'; Set-Only }",
                "Set-Leaky",
                ""));
        Path late = write(dir, "late.ps1", String.join("\r\n",
                "$x = 1",
                "[CmdletBinding(SupportsShouldProcess = $true)]",
                "param()",
                ""));
        Path noSupport = write(dir, "nosupport.ps1", "[CmdletBinding()]\r\nparam()\r\nGet-Date\r\n");

        List<FileResult> files = PsCheck.locate().shouldProcess(List.of(bare, advanced, late, noSupport)).files();

        assertThat(files.get(0).paramBlockFirst()).isFalse();
        assertThat(files.get(0).unguarded()).extracting(Unguarded::line, Unguarded::command)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "Rename-NetAdapter"),
                        org.assertj.core.groups.Tuple.tuple(4, "Format-Volume"),
                        org.assertj.core.groups.Tuple.tuple(6, "shutdown.exe"));
        assertThat(files.get(1).paramBlockFirst()).isTrue();
        assertThat(files.get(1).supportsShouldProcess()).isTrue();
        // The else branch of a guard is not guarded; a function called outside a guard is not either.
        assertThat(files.get(1).unguarded()).extracting(Unguarded::line, Unguarded::command)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(6, "Remove-NetRoute"),
                        org.assertj.core.groups.Tuple.tuple(7, "New-Item"));
        assertThat(files.get(2).paramBlockFirst()).as("a statement before the param block").isFalse();
        assertThat(files.get(3).paramBlockFirst()).isTrue();
        assertThat(files.get(3).supportsShouldProcess()).isFalse();
        assertThat(files.get(3).honoursWhatIf()).isFalse();
    }

    private static boolean isProbe(Path p) {
        String name = p.getFileName().toString();
        return name.equals("00-facts.ps1") || name.equals("00-preflight.ps1") || name.equals("00-verify.ps1");
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static String readAll(List<Path> files) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (Path p : files) {
            sb.append(Files.readString(p, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }
}

package io.hvcluster.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ScriptRendererTest {

    /** Public: Velocity calls only public methods of public types, as it should. */
    public record Params(String name) {
    }

    private static final ScriptHeader HEADER = new ScriptHeader("demo", "apply", "HV01", "lab.yaml", "1.0", new Params("x"));

    @Test
    void strictModeFailsOnAnUndefinedMethod(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("demo"));
        Files.writeString(dir.resolve("demo/apply.ps1.vm"), "$ps.let('Name', $step.nmae())\n");
        ScriptRenderer r = ScriptRenderer.withOverrides(dir);
        assertThatThrownBy(() -> r.render("demo/apply.ps1.vm", HEADER, new Params("x")))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("demo/apply.ps1.vm");
    }

    @Test
    void strictModeFailsOnAnUndefinedReference(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("demo"));
        Files.writeString(dir.resolve("demo/apply.ps1.vm"), "$ps.let('Name', $stpe.name())\n");
        ScriptRenderer r = ScriptRenderer.withOverrides(dir);
        assertThatThrownBy(() -> r.render("demo/apply.ps1.vm", HEADER, new Params("x")))
                .isInstanceOf(TemplateRenderException.class);
    }

    @Test
    void anOverrideFolderReplacesOneTemplateAndTheRestComeFromTheJar(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("demo"));
        Files.writeString(dir.resolve("demo/apply.ps1.vm"),
                "#parse(\"_lib/prologue.ps1.vm\")\n$ps.let('Name', $step.name())\n#[[\nWrite-Output $Name\n]]#\n");
        String out = ScriptRenderer.withOverrides(dir).render("demo/apply.ps1.vm", HEADER, new Params("it's"));
        assertThat(out).contains("$Name = 'it''s'\r\n", "function Complete-HvcStep", "Write-Output $Name\r\n");
        assertThat(out.replace("\r\n", "")).as("CRLF throughout").doesNotContain("\n");
    }

    @Test
    void aLoneLineFeedInsideAValueIsKeptWhileTemplateLinesGetCrlf(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("demo"));
        Files.writeString(dir.resolve("demo/apply.ps1.vm"), "$ps.let('Name', $step.name())\n#[[\nWrite-Output $Name\n]]#\n");
        String out = ScriptRenderer.withOverrides(dir).render("demo/apply.ps1.vm", HEADER, new Params("a\nb\r\nc"));
        assertThat(out).contains("$Name = 'a\nb\r\nc'\r\n", "Write-Output $Name\r\n");
    }

    @Test
    void powerShellVariablesInsideUnparsedBlocksPassThrough(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("demo"));
        Files.writeString(dir.resolve("demo/apply.ps1.vm"), "#[[\n$ErrorActionPreference = 'Stop'; ${env:TEMP}; $true\n]]#\n");
        String out = ScriptRenderer.withOverrides(dir).render("demo/apply.ps1.vm", HEADER, new Params("x"));
        assertThat(out.strip()).isEqualTo("$ErrorActionPreference = 'Stop'; ${env:TEMP}; $true");
    }

    @Test
    void headerRoundTripsAndStaysOnOneLineWhateverTheValues() {
        ScriptHeader h = new ScriptHeader("create-cluster", "apply", "HV01", "inv\nx.yaml", "1.0", new Params("a\u2028b\r\n'c'"));
        String text = h.text();
        assertThat(text.split("\r\n")).hasSize(3);
        ScriptHeader.Parsed parsed = ScriptHeader.parse(text + "rest of script").orElseThrow();
        assertThat(parsed.stepId()).isEqualTo("create-cluster");
        assertThat(parsed.host()).isEqualTo("HV01");
        assertThat(parsed.params().get("name").asText()).isEqualTo("a\u2028b\r\n'c'");
    }

    @Test
    void applyPhasesGetTheShouldProcessParamBlockAndProbesNone() {
        String apply = new ScriptHeader("rename-adapters", "apply", "HV01", "i.yaml", "1.0", new Params("x")).cmdletBinding();
        String after = new ScriptHeader("enable-hyper-v", "after-reboot", "HV01", "i.yaml", "1.0", new Params("x")).cmdletBinding();
        String probe = new ScriptHeader("facts", "probe", "HV01", "i.yaml", "1.0", new Params("x")).cmdletBinding();
        assertThat(apply).isEqualTo("[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]\r\nparam()\r\n");
        assertThat(after).isEqualTo(apply);
        assertThat(probe).isEmpty();
    }

    @Test
    void theRenderedApplyScriptHasItsParamBlockRightAfterTheHeaderComments() {
        ScriptHeader h = new ScriptHeader("rename-adapters", "apply", "HV01", "i.yaml", "1.0", new Params("x"));
        String out = ScriptRenderer.bundled().render("rename-adapters/apply.ps1.vm", h, new io.hvcluster.steps.RenameAdaptersStep.Params(java.util.List.of()));
        String code = out.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElseThrow();
        assertThat(code).startsWith("[CmdletBinding(SupportsShouldProcess");
        assertThat(ScriptHeader.parse(out)).as("the simulator still reads the header").isPresent();
    }
}

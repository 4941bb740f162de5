package io.hvcluster.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.bundle.BundleRenderer;
import io.hvcluster.bundle.RenderedScript;
import io.hvcluster.facts.FactsProbe;
import io.hvcluster.inventory.ClusterSpec;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.TargetOs;
import io.hvcluster.inventory.load.InventoryLoader;
import io.hvcluster.render.ScriptRenderer;
import io.hvcluster.steps.StandardPipeline;
import io.hvcluster.testing.pscheck.PsCheck;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Layer 2 of the proof: every script hvcluster renders — every step, phase and host of every example
 * inventory, plus the facts probe — parses with tree-sitter-powershell and names only cmdlets and parameters
 * that Microsoft documents for the target Windows Server version. It proves syntax and names, not behaviour.
 */
class RenderedScriptsProofTest {

    private static final ScriptRenderer RENDERER = ScriptRenderer.bundled();

    @Test
    void everyScriptOfEveryExampleInventoryPassesForItsTarget() throws Exception {
        int checked = 0;
        for (String name : List.of("lab-2node", "lab-3node", "lab-4node")) {
            Inventory inv = InventoryLoader.load(Path.of("inventories/" + name + ".yaml")).inventory().orElseThrow();
            List<Path> files = renderAll(inv, Path.of("target/proof/" + name));
            PsCheck.locate().assertNoProblems(inv.cluster().targetOs(), files);
            checked += files.size();
        }
        assertThat(checked).as("scripts checked").isGreaterThan(80);
    }

    @ParameterizedTest
    @EnumSource(TargetOs.class)
    void theFourNodeBuildPassesForEveryWindowsServerVersion(TargetOs os) throws Exception {
        Inventory inv = withTarget(InventoryLoader.load(Path.of("inventories/lab-4node.yaml")).inventory().orElseThrow(), os);
        List<Path> files = renderAll(inv, Path.of("target/proof/lab-4node-" + os.year()));
        PsCheck.locate().assertNoProblems(os, files);
    }

    @Test
    void theCheckerWouldCatchABrokenTemplate() throws Exception {
        // Guards the proof itself: the same pipeline, fed a script with an undocumented parameter, must fail.
        Path bad = Path.of("target/proof/broken/01-bad.ps1");
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, "$ErrorActionPreference = 'Stop'\r\nNew-Cluster -Name 'X' -Node 'A' -NoStorrage\r\n", StandardCharsets.UTF_8);
        assertThat(PsCheck.locate().check(TargetOs.WINDOWS_SERVER_2022, List.of(bad)).problems()).isNotEmpty();
    }

    static List<Path> renderAll(Inventory inv, Path dir) throws Exception {
        List<Path> files = new ArrayList<>();
        for (RenderedScript s : new BundleRenderer(RENDERER, "proof").render(inv, StandardPipeline.create())) {
            files.add(write(dir.resolve(s.relativePath()), s.text()));
        }
        // Rolling builds drain nodes; parallel ones do not: both variants are rendered scripts.
        for (RenderedScript s : new BundleRenderer(RENDERER, "proof").render(inv, StandardPipeline.create(false))) {
            if (s.stepId().equals("enable-hyper-v")) {
                files.add(write(dir.resolve("parallel").resolve(s.relativePath()), s.text()));
            }
        }
        FactsProbe probe = new FactsProbe(RENDERER, "proof");
        io.hvcluster.bundle.RunLockScripts lock = new BundleRenderer(RENDERER, "proof").runLockScripts();
        io.hvcluster.facts.RunLockMark mark = new io.hvcluster.facts.RunLockMark("20260302-080000-1a2b", "CORP\\alice", "ADMIN01",
                "2026-03-02T08:00:00Z");
        for (Host h : inv.hosts()) {
            files.add(write(dir.resolve(h.name()).resolve("00-run-lock-acquire.ps1"), lock.acquire(inv, h, mark)));
            files.add(write(dir.resolve(h.name()).resolve("99-run-lock-release.ps1"), lock.release(inv, h, mark.runId())));
            files.add(write(dir.resolve(h.name()).resolve("00-facts.ps1"), probe.render(inv, h)));
            // The first node's preflight asks AD and DNS too: every host renders it, so both variants are checked.
            files.add(write(dir.resolve(h.name()).resolve("00-preflight.ps1"), probe.preflightProbe().render(inv, h)));
        }
        // hvcluster verify's probe (00-verify.ps1 on every node) and the burn-in scripts, as render bundles them.
        for (io.hvcluster.bundle.ExtraFile x : new io.hvcluster.verify.VerifyBundle(RENDERER, "proof").render(inv)) {
            String path = x.path().startsWith("verify/")
                    ? x.path().substring("verify/".length(), x.path().length() - "-verify.ps1".length()) + "/00-verify.ps1" : x.path();
            files.add(write(dir.resolve(path), x.text()));
        }
        return files;
    }

    private static Path write(Path p, String text) throws Exception {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    static Inventory withTarget(Inventory inv, TargetOs os) {
        ClusterSpec c = inv.cluster();
        return new Inventory(inv.source(), new ClusterSpec(c.name(), c.address(), c.domain(), os, c.quorum(), c.witness(),
                c.sharedVolumes(), c.virtualSwitches()), inv.networks(), inv.hosts(), inv.connection(), inv.capacity());
    }
}

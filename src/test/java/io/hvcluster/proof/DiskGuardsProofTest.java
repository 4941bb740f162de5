package io.hvcluster.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.facts.FactsProbe;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Step;
import io.hvcluster.render.ScriptHeader;
import io.hvcluster.render.ScriptRenderer;
import io.hvcluster.steps.PrepareSharedDisksStep;
import io.hvcluster.steps.StandardPipeline;
import io.hvcluster.testing.InventoryFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The disk guards read off the rendered scripts themselves, so a template edit that drops one fails here even where
 * the simulator would not notice: Initialize-Disk only under the RAW check, New-Partition and Format-Volume only for a
 * disk without (non-reserved) partitions, Clear-Disk never run (only named in a fix), and Get-Disk only through
 * Get-HvcLocalDisk, which keeps the disks with a Number (on a cluster node Get-Disk lists the other nodes' too).
 */
class DiskGuardsProofTest {

    private static final ScriptRenderer RENDERER = ScriptRenderer.bundled();
    private final Inventory inventory = InventoryFixtures.fourNodes();

    private String render(Step<?> step) {
        Host host = inventory.firstNode();
        Record p = step.parameters(inventory, host);
        return RENDERER.render(step.phases().get(0).template(), new ScriptHeader(step.id(), "apply", host.name(), "lab.yaml", "test", p), p);
    }

    /** The lines of the block opened by the first line matching {@code opener}, up to its closing brace. */
    private static List<String> block(String script, String opener) {
        List<String> lines = script.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(opener) && lines.get(i).stripTrailing().endsWith("{")) {
                String indent = lines.get(i).substring(0, lines.get(i).length() - lines.get(i).stripLeading().length());
                for (int j = i + 1; j < lines.size(); j++) {
                    if (lines.get(j).equals(indent + "}") || lines.get(j).startsWith(indent + "} ")) {
                        return lines.subList(i + 1, j);
                    }
                }
            }
        }
        throw new AssertionError("no block opened by " + opener);
    }

    private static long calls(String script, String cmdlet) {
        // A call: the cmdlet at the start of a statement, not inside a string of a message.
        Matcher m = Pattern.compile("(?m)^\\s*(\\$\\w+\\s*=\\s*)?" + Pattern.quote(cmdlet) + "\\b").matcher(script);
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void initializeDiskRunsOnlyOnARawDisk() {
        String s = render(new PrepareSharedDisksStep());
        assertThat(calls(s, "Initialize-Disk")).isEqualTo(1);
        assertThat(block(s, "if ($style -eq 'RAW')")).anyMatch(l -> l.strip().startsWith("Initialize-Disk -Number $disk.Number -PartitionStyle GPT"));
    }

    @Test
    void aVolumeIsCreatedOnlyOnADiskWithoutPartitions() {
        String s = render(new PrepareSharedDisksStep());
        assertThat(s).contains("$parts = @(Get-Partition -DiskNumber $disk.Number -ErrorAction SilentlyContinue | Where-Object { [string]$_.Type -ne 'Reserved' })");
        List<String> empty = block(s, "if ($parts.Count -eq 0)");
        assertThat(calls(s, "New-Partition")).isEqualTo(1);
        assertThat(calls(s, "Format-Volume")).isEqualTo(1);
        assertThat(empty).anyMatch(l -> l.strip().startsWith("$part = New-Partition -DiskNumber $disk.Number -UseMaximumSize"))
                .anyMatch(l -> l.strip().startsWith("Format-Volume -Partition $part"));
        // After the block: never a format or a repartition, only checks that throw or warn.
        String after = s.substring(s.indexOf("if ($parts.Count -gt 1)"));
        assertThat(calls(after, "Format-Volume") + calls(after, "New-Partition") + calls(after, "Initialize-Disk")
                + calls(after, "Set-Volume") + calls(after, "Clear-Disk")).isZero();
    }

    @Test
    void clearDiskIsOnlyEverNamedInAFixNeverRun() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".vm")).toList()) {
                assertThat(calls(Files.readString(f), "Clear-Disk")).as(f.toString()).isZero();
            }
        }
        assertThat(render(new PrepareSharedDisksStep())).contains("erase it on this node with Clear-Disk -Number");
    }

    @Test
    void everyDiskLookupGoesThroughGetHvcLocalDisk() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".vm")).toList()) {
                String text = Files.readString(f);
                long getDisk = Pattern.compile("\\bGet-Disk\\b(?![^|\\n]*\\|\\s*Where-Object \\{ \\$null -ne \\$_\\.Number \\})").matcher(
                        text.replaceAll("(?m)^\\s*#.*$", "")).results().count();
                assertThat(getDisk).as(f + " calls Get-Disk without keeping only the disks with a Number").isZero();
            }
        }
        String lib = Files.readString(Path.of("templates/_lib/disks.ps1.vm"));
        assertThat(lib).contains("@(Get-Disk | Where-Object { $null -ne $_.Number })");
        assertThat(lib).contains("$found = @(Get-HvcLocalDisk | Where-Object {");
        Record p = FactsProbe.parameters(inventory, inventory.firstNode());
        String probe = RENDERER.render(FactsProbe.TEMPLATE, new ScriptHeader(FactsProbe.ID, "probe", "HV01", "lab.yaml", "test", p), p);
        assertThat(probe).contains("$facts.disks = @(Get-HvcLocalDisk | ForEach-Object {");
        for (Step<?> step : StandardPipeline.create().steps()) {
            String s = render(step);
            if (s.contains("Find-HvcDisk -Ref")) {
                assertThat(s).as(step.id()).contains("function Get-HvcLocalDisk");
            }
        }
    }
}

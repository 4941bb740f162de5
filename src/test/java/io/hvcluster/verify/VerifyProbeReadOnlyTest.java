package io.hvcluster.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.load.InventoryLoader;
import io.hvcluster.render.ScriptRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The verify probe only reads: every cmdlet it calls is a Get-, Test- (or output/conversion) command, never one that
 * changes a host (Set-, New-, Remove-, Add-, Move-, Start-, Stop-, Suspend-, Resume-...). The burn-in scripts, which
 * do change the cluster, are the contrast: the same scan finds their changes, so the scan would catch a change here.
 */
class VerifyProbeReadOnlyTest {

    private static final Pattern CMDLET = Pattern.compile("\\b([A-Z][a-z]+)-([A-Z][A-Za-z]+)\\b");
    /** Reads, output and conversion; New-Object builds an object in memory (the prologue's UTF-8 encoder). */
    private static final Set<String> READ_VERBS = Set.of("Get", "Test", "Write", "ConvertTo", "Select", "Sort", "Where", "Join");
    private static final Set<String> IN_MEMORY = Set.of("New-Object");
    private static final Pattern COMMENT = Pattern.compile("(?m)^\\s*#.*$");

    private static Inventory lab() throws Exception {
        return InventoryLoader.load(Path.of("inventories/lab-4node.yaml")).inventory().orElseThrow();
    }

    /** The commands a script calls, without the functions it defines itself (the prologue's, whose bodies are scanned). */
    static Set<String> cmdlets(String script) {
        String code = COMMENT.matcher(script).replaceAll("");
        Set<String> own = new TreeSet<>();
        Matcher f = Pattern.compile("(?m)^\\s*function\\s+([A-Za-z]+-[A-Za-z]+)").matcher(code);
        while (f.find()) {
            own.add(f.group(1));
        }
        Set<String> out = new TreeSet<>();
        Matcher m = CMDLET.matcher(code);
        while (m.find()) {
            if (!own.contains(m.group())) {
                out.add(m.group());
            }
        }
        return out;
    }

    @Test
    void theVerifyProbeCallsOnlyReadingCmdlets() throws Exception {
        Inventory inv = lab();
        String probe = new VerifyProbe(ScriptRenderer.bundled(), "test").render(inv, inv.firstNode());
        Set<String> used = cmdlets(probe);
        assertThat(used).contains("Get-ClusterSharedVolume", "Get-ClusterSharedVolumeState", "Test-Path", "Get-VM", "Get-VMNetworkAdapter");
        List<String> changing = new ArrayList<>();
        for (String c : used) {
            String verb = c.substring(0, c.indexOf('-'));
            if (!READ_VERBS.contains(verb) && !IN_MEMORY.contains(c)) {
                changing.add(c);
            }
        }
        assertThat(changing).as("cmdlets in the verify probe that are not reads").isEmpty();
        assertThat(probe).doesNotContain("[CmdletBinding(SupportsShouldProcess");
    }

    @Test
    void theSameScanSeesTheBurnInsChanges() throws Exception {
        Inventory inv = lab();
        BurnInScripts scripts = new BurnInScripts(ScriptRenderer.bundled(), "test");
        String drain = scripts.render(inv, "drain", new BurnInScripts.Drain("HV02", ""));
        assertThat(cmdlets(drain)).contains("Suspend-ClusterNode", "Resume-ClusterNode", "New-ItemProperty");
        String migrate = scripts.render(inv, "migrate", new BurnInScripts.Migrate(BurnInScripts.PREFIX, BurnInScripts.NOTE, "hvcluster-burnin-1", "HV02", "10.0.0.9"));
        assertThat(cmdlets(migrate)).contains("Move-ClusterVirtualMachineRole", "Start-Job", "Test-Connection");
        assertThat(migrate).contains("-MigrationType Live").contains("$PingAddress = '10.0.0.9'");
    }
}

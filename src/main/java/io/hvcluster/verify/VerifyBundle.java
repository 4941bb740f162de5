package io.hvcluster.verify;

import io.hvcluster.bundle.ExtraFile;
import io.hvcluster.inventory.DiskSpec;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.render.ScriptRenderer;
import java.util.ArrayList;
import java.util.List;

/**
 * The verify and burn-in scripts of a bundle ({@code render}, {@code apply --dry-run}), with their RUNBOOK section:
 * the verify probe for every node, and the burn-in in the order {@link BurnIn} runs it, for the inventory's CSVs (the
 * cluster names a CSV resource by its label) and with the test VMs created on the first node.
 */
public final class VerifyBundle {

    private final ScriptRenderer renderer;
    private final String version;

    public VerifyBundle(ScriptRenderer renderer, String version) {
        this.renderer = renderer;
        this.version = version;
    }

    public List<ExtraFile> render(Inventory inv) {
        List<ExtraFile> out = new ArrayList<>();
        VerifyProbe probe = new VerifyProbe(renderer, version);
        for (Host h : inv.hosts()) {
            out.add(new ExtraFile("verify/" + h.name() + "-verify.ps1", probe.render(inv, h)));
        }
        BurnInScripts scripts = new BurnInScripts(renderer, version);
        List<Record> steps = new ArrayList<>();
        List<String> names = new ArrayList<>();
        steps.add(new BurnInScripts.Cleanup(BurnInScripts.PREFIX, BurnInScripts.NOTE, BurnInScripts.FOLDER));
        names.add("cleanup");
        List<BurnInScripts.TestVm> vms = new ArrayList<>();
        List<DiskSpec> volumes = inv.cluster().sharedVolumes();
        for (int i = 0; i < volumes.size(); i++) {
            vms.add(new BurnInScripts.TestVm(BurnInScripts.PREFIX + (i + 1), volumes.get(i).label()));
        }
        steps.add(new BurnInScripts.Prepare(BurnInScripts.PREFIX, BurnInScripts.NOTE, BurnInScripts.FOLDER, vms, false));
        names.add("prepare");
        List<String> nodes = inv.hosts().stream().map(Host::name).toList();
        String first = inv.firstNode().name();
        for (BurnInScripts.TestVm vm : vms) {
            for (String node : BurnIn.rotation(nodes, first)) {
                steps.add(new BurnInScripts.Migrate(BurnInScripts.PREFIX, BurnInScripts.NOTE, vm.name(), node, ""));
                names.add("migrate-" + vm.name() + "-to-" + node);
            }
        }
        for (DiskSpec v : volumes) {
            for (String node : BurnIn.rotation(nodes, first)) {
                steps.add(new BurnInScripts.MoveVolume(v.label(), node));
                names.add("move-volume-" + v.label() + "-to-" + node);
            }
        }
        for (String node : nodes) {
            steps.add(new BurnInScripts.Drain(node, ""));
            names.add("drain-" + node);
        }
        steps.add(new BurnInScripts.Cleanup(BurnInScripts.PREFIX, BurnInScripts.NOTE, BurnInScripts.FOLDER));
        names.add("cleanup");
        for (int i = 0; i < steps.size(); i++) {
            String phase = phase(steps.get(i));
            out.add(new ExtraFile("burn-in/" + String.format("%02d", i + 1) + "-" + safe(names.get(i)) + ".ps1",
                    scripts.render(inv, phase, steps.get(i))));
        }
        return out;
    }

    private static String phase(Record r) {
        if (r instanceof BurnInScripts.Cleanup) {
            return "cleanup";
        }
        if (r instanceof BurnInScripts.Prepare) {
            return "prepare";
        }
        if (r instanceof BurnInScripts.Migrate) {
            return "migrate";
        }
        if (r instanceof BurnInScripts.MoveVolume) {
            return "move-volume";
        }
        return "drain";
    }

    /** A file name from names the inventory allows (labels may hold spaces). */
    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The RUNBOOK's section for these files. */
    public String runbookSection(Inventory inv, List<ExtraFile> files) {
        String first = inv.firstNode().name();
        StringBuilder md = new StringBuilder();
        md.append("## After the build: verify and burn-in\n\n");
        md.append("""
                `hvcluster verify INVENTORY` runs these for you and judges the answers (docs/verify.md); by hand:

                - **Verify** (read-only, any time): run `verify/<node>-verify.ps1` on each node. Each prints one JSON
                  document: every CSV as that node reaches it (`reachable`, and `stateInfo` from
                  Get-ClusterSharedVolumeState: `Direct` is right, `FileSystemRedirected`/`BlockRedirected` is redirected
                  access), the VMs it runs (a clustered Linux guest with `dynamicMac` true should get a static MAC), and the
                  last validation report. Also check `Get-ClusterNode` (every node Up), `Get-ClusterQuorum`,
                  `Get-ClusterNetwork` (the planned names and roles, nothing else) and `Get-VMSwitch` on every node (the same
                  names).
                - **Burn-in** (changes the cluster; only on a cluster that runs **no production roles**): run the
                """);
        md.append("  `burn-in/` scripts on **").append(first).append("**, in file order. They create one test VM per CSV (named `")
                .append(BurnInScripts.PREFIX).append("N`, marked by its notes and its role's description), live-migrate each\n")
                .append("  to every node, move every CSV to every node, drain and resume every node, and remove the test VMs. Each\n")
                .append("  script reports its duration in `data.durationMs` (drain: `drainMs`, `resumeMs`). Whatever happens, finish\n")
                .append("  with the last `cleanup` script: it removes only VMs that carry both marks and resumes a node a drain\n")
                .append("  left paused. The migrations assume the test VMs start on ").append(first)
                .append(" (prepare creates them there).\n\n");
        md.append("| script | runs on |\n|---|---|\n");
        for (ExtraFile f : files) {
            md.append("| `").append(f.path()).append("` | ")
                    .append(f.path().startsWith("verify/") ? f.path().substring(7, f.path().indexOf("-verify.ps1")) : first).append(" |\n");
        }
        md.append('\n');
        return md.toString();
    }
}

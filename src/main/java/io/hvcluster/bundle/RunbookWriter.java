package io.hvcluster.bundle;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Phase;
import io.hvcluster.pipeline.Pipeline;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import java.util.List;

/**
 * RUNBOOK.md: the exact order across hosts, where to restart and wait, and what to check after each step,
 * for an admin who runs the bundle by hand. Deterministic (no timestamps), so it diffs cleanly in review.
 */
public final class RunbookWriter {

    public String write(Inventory inventory, Pipeline pipeline, List<RenderedScript> scripts, String version) {
        StringBuilder md = new StringBuilder();
        RunbookValues values = new RunbookValues(inventory);
        md.append("# Runbook: cluster ").append(inventory.cluster().name()).append(" (")
                .append(inventory.hosts().size()).append(" nodes)\n\n");
        md.append("Rendered by hvcluster ").append(version).append(" from `").append(inventory.source())
                .append("`. Target: ").append(inventory.cluster().targetOs().yamlName()).append(", domain `")
                .append(inventory.cluster().domain()).append("`, cluster address ")
                .append(inventory.cluster().address()).append(".\n\n");
        md.append("""
                ## How to run these scripts

                - Before you start: every node runs the same Windows Server version and edition, is joined to the
                  domain, and is reachable; the account you use is a local administrator on every node and may
                  create computer objects in the nodes' OU (or the cluster's computer object is prestaged).
                - Run each script **on the node it is filed under**, in an elevated Windows PowerShell 5.1 console
                  on that node (console or RDP), for example:
                  `powershell.exe -NoProfile -ExecutionPolicy Bypass -File .\\HV01\\01-rename-adapters.ps1`.
                  Do not run the cluster-wide scripts (`*.cluster.ps1`) through `Enter-PSSession`: they reach the
                  other nodes, and a remote session has no credentials to pass on (the "second hop").
                - Every script checks the current state before it changes anything: running it again is safe, and
                  a script that finds nothing to do changes nothing.
                - **Try `-WhatIf` first**: `.\\HV01\\01-rename-adapters.ps1 -WhatIf` prints a `What if:` line for each
                  change the script would make on this node, and makes none; its JSON result says `"changed":false`,
                  `"whatIf":true` and lists the changes in `wouldChange`. `-Confirm` asks before each change (the
                  restart of enable-hyper-v included); a change you decline is listed under `warnings`. With
                  `-File`, put the switch after the script path:
                  `powershell.exe -NoProfile -ExecutionPolicy Bypass -File .\\HV01\\01-rename-adapters.ps1 -WhatIf`.
                - Every script prints one line of JSON as its result: `changed`, `changes` (what it did),
                  `warnings`, `data` and `error`. Exit code 0 means success, 1 means it stopped on `error`.
                  Stop at the first failure, fix the cause, and run the same script again.
                - Work through the steps in order. Within a step, hosts marked *in parallel* may be done in any
                  order; hosts marked *one at a time* must be finished one after the other.

                """);
        md.append("| # | step | runs | scripts |\n|---|---|---|---|\n");
        for (Step<?> step : pipeline.steps()) {
            long n = scripts.stream().filter(s -> s.stepId().equals(step.id())).count();
            md.append("| ").append(pipeline.position(step.id())).append(" | ").append(step.title()).append(" | ")
                    .append(scopeText(step, inventory)).append(" | ").append(n).append(" |\n");
        }
        md.append('\n');
        for (Step<?> step : pipeline.steps()) {
            int pos = pipeline.position(step.id());
            md.append("## ").append(pos).append(". ").append(step.title()).append("\n\n");
            md.append("Step id `").append(step.id()).append("`; runs ").append(scopeText(step, inventory)).append(".\n\n");
            List<RenderedScript> mine = scripts.stream().filter(s -> s.stepId().equals(step.id())).toList();
            if (step.scope() == Scope.ONE_HOST_AT_A_TIME) {
                writeRolling(md, step, mine);
            } else {
                for (RenderedScript s : mine) {
                    md.append("- [ ] on **").append(s.host()).append("**: `").append(s.relativePath()).append('`');
                    if (s.phase().rebootsHost()) {
                        // connect-storage: a restart only when its JSON result says "rebootScheduled": true.
                        md.append(": when its result says `\"rebootScheduled\":true` it restarts the host; **wait** until ")
                                .append(s.host()).append(" answers again with a new boot time");
                    } else if (s.phase().kind() == Phase.Kind.AFTER_REBOOT) {
                        md.append(": only after that restart");
                    }
                    md.append('\n');
                }
                md.append('\n');
            }
            md.append("Check afterwards:\n\n");
            for (String check : step.checks()) {
                md.append("- ").append(values.fill(check)).append('\n');
            }
            md.append('\n');
            List<String> concrete = values.forStep(step.id());
            if (!concrete.isEmpty()) {
                md.append("With this inventory:\n\n");
                for (String line : concrete) {
                    // An indented line belongs to the item above it (the pings from one node).
                    md.append(line.startsWith("  ") ? "  - " + line.substring(2) : "- " + line).append('\n');
                }
                md.append('\n');
            }
        }
        md.append("""
                ## When something fails

                Read the script's `error` and `warnings`. Fix the cause (the message names the adapter, disk, node
                or setting), then run the same script again: it picks up where the state is. The scripts never
                undo earlier steps; nothing here deletes a cluster, a switch or an address that the inventory
                names.
                """);
        return md.toString();
    }

    private static void writeRolling(StringBuilder md, Step<?> step, List<RenderedScript> mine) {
        String currentHost = null;
        int n = 0;
        for (RenderedScript s : mine) {
            if (!s.host().equals(currentHost)) {
                currentHost = s.host();
                n++;
                md.append(n).append(". **").append(s.host()).append("**").append(n > 1 ? " (only after the host before it is done)" : "")
                        .append(":\n");
            }
            Phase phase = s.phase();
            md.append("   - [ ] run `").append(s.relativePath()).append('`');
            if (phase.rebootsHost()) {
                md.append(": it drains the node, installs, and schedules a restart. **Wait** until ").append(s.host())
                        .append(" answers again and its boot time has changed; Hyper-V may restart it twice, so wait until it stays up.");
            } else {
                md.append(": it waits for vmms, checks that the hypervisor runs (HypervisorPresent) and the System log since the first of Hyper-V's restarts (critical and error events), and resumes the node once it is no longer Joining.");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static String scopeText(Step<?> step, Inventory inventory) {
        return switch (step.scope()) {
            case EACH_HOST -> "on every host, in parallel";
            case ONE_HOST_AT_A_TIME -> "on every host, one at a time (restarts each host)";
            case CLUSTER -> "once, on " + inventory.firstNode().name() + " (cluster-wide)";
        };
    }
}

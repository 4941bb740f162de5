package io.hvcluster.verify;

import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.render.ScriptHeader;
import io.hvcluster.render.ScriptRenderer;
import java.util.List;

/**
 * The burn-in's scripts (templates/burn-in/PHASE.ps1.vm), all run on the first node: cluster cmdlets act cluster-wide
 * from any node. Each phase's parameters are a record here; the simulator reads the same records from the header.
 */
public final class BurnInScripts {

    public static final String ID = "burn-in";
    /** Every test VM's name starts with this, and its notes are {@link #NOTE}: both must match before burn-in touches a VM. */
    public static final String PREFIX = "hvcluster-burnin-";
    public static final String NOTE = "Created by hvcluster verify --burn-in; removed when it ends. Safe to delete.";
    /** The folder on each CSV holding the test VMs' files. */
    public static final String FOLDER = "hvcluster-burnin";

    /** @param volume the CSV (its cluster resource name) whose {@link #FOLDER} holds the VM's files */
    public record TestVm(String name, String volume) {
    }

    /** Creates the test VMs (no disk, no guest OS) in {@code folder} on their CSV, makes them highly available, starts them. */
    public record Prepare(String prefix, String note, String folder, List<TestVm> vms, boolean force) {
    }

    /** One timed live migration of one test VM to a node; {@code pingAddress} "" for no ping. */
    public record Migrate(String prefix, String note, String vm, String node, String pingAddress) {
    }

    /** Moves a CSV's ownership (its coordinator) to a node. */
    public record MoveVolume(String volume, String node) {
    }

    /** Drains a node (its roles move away), then resumes it with immediate failback. */
    public record Drain(String node, String pingAddress) {
    }

    /**
     * Removes every VM with the prefix and the note, and {@code folder} on every CSV; resumes a node an interrupted
     * drain left paused.
     */
    public record Cleanup(String prefix, String note, String folder) {
    }

    private final ScriptRenderer renderer;
    private final String version;

    public BurnInScripts(ScriptRenderer renderer, String version) {
        this.renderer = renderer;
        this.version = version;
    }

    public String render(Inventory inventory, String phase, Record params) {
        Host host = inventory.firstNode();
        return renderer.render(ID + "/" + phase + ".ps1.vm", new ScriptHeader(ID, phase, host.name(), inventory.source(), version, params), params);
    }
}

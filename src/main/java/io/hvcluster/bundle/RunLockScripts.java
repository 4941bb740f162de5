package io.hvcluster.bundle;

import io.hvcluster.facts.RunLockMark;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.render.ScriptHeader;
import io.hvcluster.render.ScriptRenderer;

/**
 * Renders the run lock's two scripts (templates/run-lock): take the lock before a run's first change, release it at
 * the end. They are not pipeline steps (nothing about them is planned), but they render, and are checked, like one.
 */
public final class RunLockScripts {

    public static final String ID = "run-lock";
    public static final String ACQUIRE = "acquire";
    public static final String RELEASE = "release";

    /** What the acquire script writes into the lock file. */
    public record Acquire(String runId, String operator, String machine, String since) {
    }

    /** The run whose lock the release script removes (only that run's). */
    public record Release(String runId) {
    }

    private final ScriptRenderer renderer;
    private final String version;

    public RunLockScripts(ScriptRenderer renderer, String version) {
        this.renderer = renderer;
        this.version = version;
    }

    public String acquire(Inventory inventory, Host host, RunLockMark mine) {
        Acquire p = new Acquire(mine.runId(), mine.operator(), mine.machine(), mine.since());
        return renderer.render(ID + "/" + ACQUIRE + ".ps1.vm", new ScriptHeader(ID, ACQUIRE, host.name(), inventory.source(), version, p), p);
    }

    public String release(Inventory inventory, Host host, String runId) {
        Release p = new Release(runId);
        return renderer.render(ID + "/" + RELEASE + ".ps1.vm", new ScriptHeader(ID, RELEASE, host.name(), inventory.source(), version, p), p);
    }
}

package io.hvcluster.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.hvcluster.bundle.RunLockScripts;
import io.hvcluster.exec.ExecutionException;
import io.hvcluster.exec.OutputSink;
import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.facts.RunLockMark;
import io.hvcluster.inventory.Host;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run lock on the hosts themselves (they are the state, as Terraform's backend is): a run that changes them takes
 * it on every host before its first change and releases it at the end, also when it failed or was interrupted
 * ({@link Workflow} releases it in a finally). The first host is asked alone, so of two runs started at once exactly
 * one gets past it; the others are then asked in parallel, and a run refused anywhere releases what it took.
 * docs/reliability.md, "Run lock".
 */
public final class RunLock {

    /** How long one lock script may take: it creates or removes one small file. */
    static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(2);

    private final RunContext ctx;
    private final PipelineRunner runner;
    private final RunLockMark mine;
    private final RunLockScripts scripts;
    private final Set<String> taken = ConcurrentHashMap.newKeySet();

    RunLock(RunContext ctx, PipelineRunner runner, RunLockMark mine) {
        this.ctx = ctx;
        this.runner = runner;
        this.mine = mine;
        this.scripts = ctx.bundle.runLockScripts();
    }

    /** This run's mark. */
    public RunLockMark mine() {
        return mine;
    }

    /** The run could not take the lock: another run holds it, or a host did not answer. Nothing was left taken. */
    public static final class LockedException extends Exception {
        public LockedException(String message) {
            super(message);
        }
    }

    /** Locks held by other runs, as the latest facts show them (plan and facts only report these). */
    public static Map<String, RunLockMark> heldByOthers(List<Host> hosts, Map<String, HostFacts> facts, String myRunId) {
        Map<String, RunLockMark> held = new LinkedHashMap<>();
        for (Host h : hosts) {
            HostFacts f = facts.get(h.name());
            if (f != null && f.runLock() != null && !f.runLock().runId().equals(myRunId)) {
                held.put(h.name(), f.runLock());
            }
        }
        return held;
    }

    /** "locked by ... (run ...), taken 2h05m ago": a lock left by a crashed run shows its age. */
    public static String describe(RunLockMark mark, Instant now) {
        return mark.describe() + mark.age(now).map(a -> ", taken " + age(a) + " ago").orElse("");
    }

    private static String age(Duration d) {
        long m = d.toMinutes();
        if (m >= 24 * 60) {
            return m / (24 * 60) + "d" + String.format("%02dh", m % (24 * 60) / 60);
        }
        return m >= 60 ? m / 60 + "h" + String.format("%02dm", m % 60) : m + "m" + String.format("%02ds", d.toSecondsPart());
    }

    /**
     * Takes the lock on every host: the first alone, then the others in parallel.
     *
     * @throws LockedException when a host refused (its holder named) or did not answer; what was taken is released
     */
    public void acquire() throws InterruptedException, LockedException {
        List<Host> hosts = ctx.inventory.hosts();
        Map<String, String> refused = new ConcurrentHashMap<>();
        take(hosts.get(0), refused);
        if (refused.isEmpty()) {
            runner.forEachHost(hosts.subList(1, hosts.size()), h -> take(h, refused));
        }
        if (!refused.isEmpty()) {
            release();
            Map.Entry<String, String> first = hosts.stream().filter(h -> refused.containsKey(h.name()))
                    .map(h -> Map.entry(h.name(), refused.get(h.name()))).findFirst().orElseThrow();
            throw new LockedException("cannot apply: " + first.getKey() + " is " + first.getValue()
                    + (refused.size() > 1 ? " (and " + (refused.size() - 1) + " more host(s))" : "") + "; nothing was changed");
        }
    }

    private void take(Host host, Map<String, String> refused) {
        try {
            ScriptResult r = run(host, RunLockScripts.ACQUIRE, scripts.acquire(ctx.inventory, host, mine));
            Optional<RunLockMark> holder = holder(r);
            if (r.exitCode() == 0) {
                taken.add(host.name());
                return;
            }
            refused.put(host.name(), holder.map(m -> describe(m, ctx.time.now())
                    + ". If no run is active any more: hvcluster unlock " + ctx.inventory.source() + " --run " + m.runId())
                    .orElse("not locked: the lock script failed: " + error(r)));
        } catch (ExecutionException e) {
            refused.put(host.name(), "not locked: " + ctx.masker.mask(e.getMessage()));
        }
    }

    /**
     * Releases the lock on every host this run took it on, one after the other. Never throws: a host that cannot be
     * reached keeps its lock, and a notice says how to remove it. Runs even when the thread was interrupted (Ctrl-C),
     * the interrupt kept for the caller.
     */
    public void release() {
        boolean interrupted = Thread.interrupted();
        try {
            for (Host host : ctx.inventory.hosts()) {
                if (taken.remove(host.name())) {
                    String why = remove(host, mine.runId());
                    if (why != null) {
                        runner.notice(host.name(), NoticeKind.RUN_LOCK, "the run lock of run " + mine.runId() + " is still held: " + why
                                + " — when the host answers: hvcluster unlock " + ctx.inventory.source() + " --run " + mine.runId());
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Removes the locks {@code which} names (host to the run id shown and confirmed; {@code hvcluster unlock}); a lock
     * another run took meanwhile stays.
     *
     * @return host to why it was not removed; empty when all were
     */
    public Map<String, String> forceRelease(Map<String, RunLockMark> which) {
        Map<String, String> failed = new LinkedHashMap<>();
        for (Host host : ctx.inventory.hosts()) {
            RunLockMark m = which.get(host.name());
            if (m != null) {
                String why = remove(host, m.runId());
                if (why != null) {
                    failed.put(host.name(), why);
                }
            }
        }
        return failed;
    }

    /** @return null when released, else why not */
    private String remove(Host host, String runId) {
        try {
            ScriptResult r = run(host, RunLockScripts.RELEASE, scripts.release(ctx.inventory, host, runId));
            return r.exitCode() == 0 ? null : error(r);
        } catch (ExecutionException e) {
            return ctx.masker.mask(e.getMessage());
        }
    }

    private ScriptResult run(Host host, String phase, String text) {
        Script script = new Script(host.name(), RunLockScripts.ID, phase, RunLockScripts.ID + "-" + phase + ".ps1", text);
        return ctx.executor(host).run(script, SCRIPT_TIMEOUT, OutputSink.discard());
    }

    private static Optional<RunLockMark> holder(ScriptResult r) {
        return r.structured().map(j -> j.path("data").path("runLock")).filter(JsonNode::isObject)
                .map(n -> new RunLockMark(n.path("runId").asText(""), n.path("operator").asText(""), n.path("machine").asText(""),
                        n.path("since").asText("")));
    }

    private String error(ScriptResult r) {
        String e = r.structured().map(j -> j.path("error").asText("")).orElse("");
        if (e.isBlank()) {
            e = r.stderr().isBlank() ? "exit code " + r.exitCode() : r.stderr().strip().lines().findFirst().orElse("");
        }
        return ctx.masker.mask(e);
    }
}

package io.hvcluster.sim.host;

import io.hvcluster.windows.ShutdownRestart;
import java.time.Duration;
import java.util.Optional;

/**
 * A restart a step's script asks for, shared by every step that restarts its host (enable-hyper-v, connect-storage):
 * the boot time the runner waits to see change, {@code shutdown.exe /r /t}'s scheduling (the caller restarts the host
 * after the delay, from {@link ScriptOutcome#restartAfter()}), and the check after the boot that the feature the
 * restart was for is Installed (Hyper-V may need a second boot: docs/windows-behaviour.md).
 */
final class Restart {

    private Restart() {
    }

    /** The apply script's first report: the boot it runs in, and no restart yet. */
    static void recordBootTimeBefore(StepRun run) {
        run.data.put("bootTimeBefore", FactsSnapshot.roundTrip(run.host.bootTimeMillis));
        run.data.put("rebootScheduled", false);
    }

    /** shutdown.exe /r /t: exit code 0 (1190, a restart already scheduled, counts as scheduled too). */
    static void schedule(StepRun run, ShutdownRestart op) {
        run.data.put("rebootScheduled", true);
        run.restartAfter = Optional.of(Duration.ofSeconds(op.delaySeconds()));
        run.change("restart scheduled in " + op.delaySeconds() + " s " + op.why());
    }

    /** The after-reboot script's first check: the feature the restart was for is Installed now; and the boot it runs in. */
    static void requireFinished(StepRun run, String feature) throws StepFailure {
        String state = String.valueOf(run.host.featureState(feature));
        if (!state.equals("Installed")) {
            throw new StepFailure(feature + " is " + state + " after the restart; Windows may need one more restart");
        }
        run.data.put("bootTime", FactsSnapshot.roundTrip(run.host.bootTimeMillis));
    }
}

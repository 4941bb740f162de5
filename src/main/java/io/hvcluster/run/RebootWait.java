package io.hvcluster.run;

import io.hvcluster.exec.ExecutionException;
import io.hvcluster.facts.FactsParser;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.pipeline.Step;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits for a host to come back from a restart: it must answer, report a boot time other than before the
 * restart, and report the same new boot time twice in a row while the step says it is back
 * ({@link Step#backAfterRestart}: enable-hyper-v wants Hyper-V installed and running, as Hyper-V may restart the
 * host twice). What "back" means is the step's to say, in the timeout error too ({@link Step#backAfterRestartMeans}).
 */
final class RebootWait {

    private final RunContext ctx;

    RebootWait(RunContext ctx) {
        this.ctx = ctx;
    }

    /** @return the facts once the host is back; throws {@link RebootTimeoutException} past the timeout */
    HostFacts await(Host host, Step<?> step, String bootBefore) throws InterruptedException {
        Instant start = ctx.time.now();
        Instant deadline = start.plus(ctx.options.rebootTimeout());
        String candidate = null;
        boolean announcedDown = false;
        notice(host, NoticeKind.WAITING, "restarting; waiting until it answers with a new boot time");
        ProgressTicker restarting = new ProgressTicker(ctx.time, ctx.listener, host.name(), step.id(), "restarting", ctx.options.rebootTimeout());
        while (ctx.time.now().isBefore(deadline)) {
            ctx.time.sleep(ctx.options.pollInterval());
            restarting.tick();
            HostFacts f;
            try {
                f = ctx.reprobeOnce(host);
            } catch (ExecutionException e) {
                if (e.kind() == ExecutionException.Kind.UNREACHABLE || e.kind() == ExecutionException.Kind.CONNECTION_LOST
                        || e.kind() == ExecutionException.Kind.PROTOCOL_FAULT || e.kind() == ExecutionException.Kind.TIMEOUT) {
                    if (!announcedDown) {
                        notice(host, NoticeKind.WAITING, "down (" + e.kind().name().toLowerCase().replace('_', ' ') + "), waiting");
                        announcedDown = true;
                    }
                    candidate = null;
                    continue;
                }
                throw e;
            } catch (FactsParser.FactsException e) {
                // Services still starting can make the probe fail; keep asking until the deadline.
                candidate = null;
                continue;
            }
            String boot = f.os() == null ? "" : f.os().lastBootUtc();
            if (boot.isEmpty() || boot.equals(bootBefore)) {
                continue;
            }
            boolean ready = step.backAfterRestart(f);
            if (boot.equals(candidate) && ready) {
                notice(host, NoticeKind.BACK_ONLINE, "back after " + human(Duration.between(start, ctx.time.now())) + " (boot " + boot + ")");
                return f;
            }
            candidate = boot;
        }
        String means = step.backAfterRestartMeans();
        throw new RebootTimeoutException(host.name() + " did not come back" + (means.isEmpty() ? "" : " " + means) + " within "
                + human(ctx.options.rebootTimeout()) + " of its restart (check its console: firmware, boot errors)");
    }

    private void notice(Host host, NoticeKind kind, String message) {
        ctx.listener.hostNotice(new RunEvents.HostNotice(host.name(), kind, message, ctx.time.now()));
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? (s / 60) + "m" + String.format("%02d", s % 60) + "s" : s + "s";
    }

    /** The host did not come back in time. */
    static final class RebootTimeoutException extends RuntimeException {
        RebootTimeoutException(String message) {
            super(message);
        }
    }
}

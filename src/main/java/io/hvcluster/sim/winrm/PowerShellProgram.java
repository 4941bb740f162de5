package io.hvcluster.sim.winrm;

import io.hvcluster.exec.bootstrap.BootstrapPayload;
import io.hvcluster.secrets.Secret;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One simulated {@code powershell.exe}: finds the script (the bootstrap payload on stdin, the decoded
 * {@code -EncodedCommand}, the {@code -Command} text), hands it to the {@link PowerShellHost}, keeps a bootstrap
 * run's Receive alive with heartbeat lines while it runs, and writes the result.
 */
final class PowerShellProgram {

    private final PowerShellHost host;
    private final Duration heartbeatInterval;
    private final ScheduledExecutorService timers;
    private final Duration startLatency;
    private final Duration extraSilence;

    PowerShellProgram(PowerShellHost host, Duration heartbeatInterval, ScheduledExecutorService timers,
            Duration startLatency, Duration extraSilence) {
        this.host = host;
        this.heartbeatInterval = heartbeatInterval;
        this.timers = timers;
        this.startLatency = startLatency;
        this.extraSilence = extraSilence;
    }

    int run(String arguments, CommandRequest request, String workingDirectory, StdinPipe stdin,
            ProcessStreams streams) throws InterruptedException {
        CmdShell.sleep(startLatency);
        PowerShellArguments args = PowerShellArguments.parse(arguments);
        if (args.error().isPresent()) {
            CmdShell.sleep(extraSilence);
            streams.stderr().accept(args.error().get() + "\r\n");
            return 1;
        }
        String script;
        Map<String, Secret> secrets = Map.of();
        boolean bootstrap = false;
        switch (args.source()) {
            case ENCODED, COMMAND -> script = args.script();
            case STDIN -> script = readToEof(stdin);
            default -> {
                // "powershell" alone would start an interactive prompt: nothing here uses that.
                CmdShell.sleep(extraSilence);
                return 0;
            }
        }
        ScheduledFuture<?> heartbeat = null;
        if (script.startsWith(BootstrapPayload.BOOTSTRAP_MARKER)) {
            bootstrap = true;
            // The real bootstrap starts its heartbeat before it reads stdin, so do the same.
            long every = heartbeatInterval.toMillis();
            heartbeat = timers.scheduleAtFixedRate(
                    () -> streams.stderr().accept(BootstrapPayload.HEARTBEAT + "\r\n"), every, every,
                    TimeUnit.MILLISECONDS);
        }
        try {
            if (bootstrap) {
                BootstrapPayload.Reader reader = new BootstrapPayload.Reader();
                while (reader.payload().isEmpty() && reader.error().isEmpty()) {
                    byte[] chunk = stdin.read();
                    if (chunk == null) {
                        return fail(streams, "hvcluster bootstrap: stdin ended before the payload terminator "
                                + BootstrapPayload.TERMINATOR);
                    }
                    reader.feed(chunk);
                }
                if (reader.error().isPresent()) {
                    return fail(streams, "hvcluster bootstrap: " + reader.error().get());
                }
                script = reader.payload().get().script();
                secrets = reader.payload().get().secrets();
            }
            long started = System.nanoTime();
            PowerShellResult result = invoke(new PowerShellInvocation(script, secrets, bootstrap,
                    request.environment(), workingDirectory, request.machine(), request.logon()));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            Duration remaining = result.duration().plus(extraSilence).minus(elapsed);
            if (!remaining.isNegative()) {
                CmdShell.sleep(remaining);
            }
            streams.stdout().accept(result.stdout());
            streams.stderr().accept(result.stderr());
            return result.exitCode();
        } finally {
            if (heartbeat != null) {
                heartbeat.cancel(false);
            }
        }
    }

    private PowerShellResult invoke(PowerShellInvocation invocation) throws InterruptedException {
        try {
            return host.run(invocation);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return PowerShellResult.failure(message);
        }
    }

    private static int fail(ProcessStreams streams, String message) {
        streams.stderr().accept(Clixml.errorRecord(message));
        return 1;
    }

    private static String readToEof(StdinPipe stdin) throws InterruptedException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] chunk;
        while ((chunk = stdin.read()) != null) {
            all.writeBytes(chunk);
        }
        return all.toString(StandardCharsets.UTF_8);
    }
}

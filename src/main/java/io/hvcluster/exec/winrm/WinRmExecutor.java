package io.hvcluster.exec.winrm;

import com.xebialabs.overthere.OverthereProcess;
import com.xebialabs.overthere.spi.ProcessConnection;
import com.xebialabs.overthere.util.DefaultAddressPortMapper;
import com.xebialabs.overthere.winrm.WinRmConnection;
import io.hvcluster.exec.ExecutionException;
import io.hvcluster.exec.OutputSink;
import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptExecutor;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.exec.bootstrap.BootstrapPayload;
import io.hvcluster.secrets.Secret;
import io.hvcluster.secrets.SecretMasker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs scripts on one Windows host over WinRM with OverThere 5.3.2. Each script starts the same short
 * bootstrap command (see {@link BootstrapCommand}) and travels, with its secrets, over stdin.
 *
 * <p>Reuse: one {@link WinRmConnection} per host, for the executor's lifetime. That is safe because in 5.3.2
 * the connection only holds settings: {@code connect()} and {@code close()} do nothing, and every
 * {@code startProcess} creates its own {@code WinRmClient} (its own shell, and a new HTTP client and TCP
 * connection per SOAP request). So there is no shell, socket or session to share between scripts, and
 * nothing else to cache; the cost per script is listed in docs/transport.md.
 */
public final class WinRmExecutor implements ScriptExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(WinRmExecutor.class);
    private static final int READ_BUFFER = 8192;

    private final WinRmSettings settings;
    private final ProcessConnection connection;
    private final BootstrapCommand bootstrap;
    private final WinRmFailureClassifier failures;
    private final ExecutorService streams;

    public WinRmExecutor(WinRmSettings settings) {
        this(settings, connect(settings));
    }

    /** For tests that hand in another connection; production code uses the public constructor. */
    WinRmExecutor(WinRmSettings settings, ProcessConnection connection) {
        this.settings = settings;
        this.connection = connection;
        this.bootstrap = new BootstrapCommand(settings.heartbeatInterval());
        this.failures = new WinRmFailureClassifier(settings);
        this.streams = Executors.newCachedThreadPool(daemonThreads("winrm-" + settings.hostName()));
        if (settings.https() && settings.skipCertificateCheck()) {
            // Once per host: the runner creates one executor per host.
            LOG.warn("{}: HTTPS certificate and host name checks are OFF (skipCertificateCheck); the connection is"
                    + " encrypted but anyone in the path can impersonate the host and read its password", settings.hostName());
        }
    }

    private static ProcessConnection connect(WinRmSettings settings) {
        if (settings.auth() == WinRmSettings.Auth.KERBEROS && !settings.kerberos().useTicketCache()) {
            // OverThere always asks for delegation; whether a TGT is forwarded depends on its forwardability, which
            // hvcluster sets here from connection.secondHop (docs/second-hop.md). A kinit cache keeps its own flags.
            Krb5ConfProperty.useWithForwardable(settings.hostName(), settings.kerberos().krb5Conf(), settings.kerberos().delegate());
        } else {
            settings.kerberos().krb5Conf().filter(p -> settings.auth() == WinRmSettings.Auth.KERBEROS)
                    .ifPresent(p -> Krb5ConfProperty.use(settings.hostName(), p));
        }
        return new WinRmConnection(OverthereOptions.from(settings), DefaultAddressPortMapper.INSTANCE, null);
    }

    @Override
    public ScriptResult run(Script script, Duration timeout, OutputSink sink) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        String what = script.stepId() + "/" + script.phase();
        SecretMasker masker = masker(script);
        byte[] payload = new BootstrapPayload(script.text(), script.secrets()).encode();

        OverthereProcess process;
        try {
            process = connection.startProcess(bootstrap.cmdLine());
        } catch (RuntimeException e) {
            throw failures.classify(e, "starting " + what, masker, true);
        }

        Map<String, String> mdc = MDC.getCopyOfContextMap();
        Collected out = new Collected(OutputSink.Stream.STDOUT, sink);
        Collected err = new Collected(OutputSink.Stream.STDERR, sink);
        Future<?> stdin = streams.submit(withMdc(mdc, () -> writeStdin(process, payload, what)));
        Future<?> stdout = streams.submit(withMdc(mdc, () -> out.drain(process.getStdout())));
        Future<?> stderr = streams.submit(withMdc(mdc, () -> err.drain(process.getStderr())));
        try {
            await(stdout, deadline);
            await(stderr, deadline);
        } catch (TimeoutException e) {
            stop(process, what, stdin, stdout, stderr);
            throw new ExecutionException(settings.hostName(), ExecutionException.Kind.TIMEOUT, what + " on "
                    + settings.hostName() + " did not finish within " + human(timeout) + " and was stopped"
                    + " — raise the step's timeout if the host is just slow");
        } catch (InterruptedException e) {
            stop(process, what, stdin, stdout, stderr);
            Thread.currentThread().interrupt();
            throw new ExecutionException(settings.hostName(), ExecutionException.Kind.TIMEOUT, what + " on "
                    + settings.hostName() + " was interrupted and stopped");
        }

        int exitCode;
        try {
            exitCode = process.waitFor();
        } catch (RuntimeException e) {
            stdin.cancel(true);
            throw failures.classify(e, "running " + what, masker);
        } catch (InterruptedException e) {
            stop(process, what, stdin);
            Thread.currentThread().interrupt();
            throw new ExecutionException(settings.hostName(), ExecutionException.Kind.TIMEOUT, what + " on "
                    + settings.hostName() + " was interrupted and stopped");
        }
        stdin.cancel(true);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.debug("{} on {}: exit code {} in {} ms, {} heartbeat line(s) dropped", what, settings.hostName(), exitCode,
                took.toMillis(), out.lines.heartbeats() + err.lines.heartbeats());
        return new ScriptResult(exitCode, out.text(), ClixmlText.readable(err.text()), took);
    }

    private void writeStdin(OverthereProcess process, byte[] payload, String what) {
        // Closing stdin only ends OverThere's sender thread; the host never sees an end of file, which is
        // why the payload ends with a terminator line.
        try (OutputStream in = process.getStdin()) {
            in.write(payload);
            in.flush();
        } catch (IOException e) {
            // The output side sees the same broken connection and reports it; this is only for the log.
            LOG.debug("{} on {}: could not send the script over stdin: {}", what, settings.hostName(), e.getClass().getSimpleName());
        }
    }

    private void stop(OverthereProcess process, String what, Future<?>... tasks) {
        try {
            process.destroy();   // WinRS Signal terminate, then Delete shell
        } catch (RuntimeException e) {
            LOG.debug("{} on {}: stopping the remote command failed too: {}", what, settings.hostName(),
                    SanitizedCause.firstLine(e));
        }
        for (Future<?> t : tasks) {
            t.cancel(true);   // PipedInputStream.read gives up when interrupted
        }
    }

    private static void await(Future<?> task, long deadline) throws TimeoutException, InterruptedException {
        try {
            task.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.ExecutionException | CancellationException e) {
            // A reader that failed has nothing more to read; process.waitFor() reports why.
        }
    }

    /** Masks the script's secrets and the WinRM password in anything we say about a failure. */
    private SecretMasker masker(Script script) {
        List<Secret> all = new ArrayList<>(script.secrets().values());
        all.add(settings.password());
        return new SecretMasker(all);
    }

    @Override
    public void close() {
        streams.shutdownNow();
        connection.close();
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        if (s == 0) {
            return d.toMillis() + " ms";
        }
        return s >= 60 && s % 60 == 0 ? s / 60 + " min" : s + " s";
    }

    private static Runnable withMdc(Map<String, String> mdc, Runnable r) {
        return () -> {
            if (mdc != null) {
                MDC.setContextMap(mdc);
            }
            try {
                r.run();
            } finally {
                MDC.clear();
            }
        };
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One output stream: lines to the sink as they come (stderr's CLIXML made readable), and all of it kept. */
    private final class Collected {
        private final OutputSink.Stream stream;
        private final OutputSink sink;
        private final StringBuilder text = new StringBuilder();
        private final RemoteLines lines;
        private boolean sinkFailed;

        Collected(OutputSink.Stream stream, OutputSink sink) {
            this.stream = stream;
            this.sink = sink;
            this.lines = new RemoteLines(this::line, this::heartbeat);
        }

        void drain(InputStream in) {
            byte[] buf = new byte[READ_BUFFER];
            try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    lines.feed(buf, 0, n);
                }
            } catch (IOException e) {
                // OverThere closes the pipe when the command ends or fails; waitFor() says which.
            } finally {
                lines.finish();
            }
        }

        private void line(String line) {
            synchronized (text) {
                text.append(line).append('\n');
            }
            String shown = stream == OutputSink.Stream.STDERR ? ClixmlText.lineText(line) : line;
            if (sinkFailed || (stream == OutputSink.Stream.STDERR && shown.isEmpty() && !line.isEmpty())) {
                return;
            }
            try {
                for (String l : shown.split("\n", -1)) {
                    sink.line(stream, l);
                }
            } catch (RuntimeException e) {
                sinkFailed = true;   // live output is a courtesy; the result still has everything
                LOG.debug("output sink failed on {}: {}", settings.hostName(), e.toString());
            }
        }

        private void heartbeat() {
            try {
                sink.heartbeat();
            } catch (RuntimeException e) {
                LOG.debug("output sink failed on {}: {}", settings.hostName(), e.toString());
            }
        }

        String text() {
            synchronized (text) {
                return text.toString();
            }
        }
    }
}

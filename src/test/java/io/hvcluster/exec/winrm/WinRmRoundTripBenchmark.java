package io.hvcluster.exec.winrm;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.hvcluster.exec.OutputSink;
import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.secrets.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * Measures the cost of one trivial script through the WinRM executor: wall time and WS-Management round trips
 * (SOAP requests, counted from OverThere's own "Sending WinRM ... request" debug lines; with Basic each one is two
 * HTTP exchanges on a new TCP connection because of the 401 challenge). A main class, not a test. Run:
 * <pre>
 *   mvn -B -o -q test-compile
 *   mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/test.cp
 *   HVC_WINRM_PASSWORD=... java -cp target/classes:target/test-classes:$(cat target/test.cp) \
 *     io.hvcluster.exec.winrm.WinRmRoundTripBenchmark http://127.0.0.1:5985/wsman Administrator 20 [basic|kerberos] [insecure]
 * </pre>
 * The password comes from the environment variable HVC_WINRM_PASSWORD so it never appears in a process list.
 */
public final class WinRmRoundTripBenchmark {

    private WinRmRoundTripBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: WinRmRoundTripBenchmark <url> <user> <count> [basic|kerberos] [insecure]");
            System.exit(2);
        }
        URI url = URI.create(args[0]);
        boolean https = url.getScheme().equalsIgnoreCase("https");
        WinRmSettings.Auth auth = args.length > 3 && args[3].equalsIgnoreCase("kerberos")
                ? WinRmSettings.Auth.KERBEROS : WinRmSettings.Auth.BASIC;
        String password = System.getenv().getOrDefault("HVC_WINRM_PASSWORD", "");
        WinRmSettings settings = WinRmSettings.of("BENCH", url.getHost(), https, auth, args[1], Secret.of(password))
                .withPort(url.getPort() > 0 ? url.getPort() : https ? 5986 : 5985)
                .withSkipCertificateCheck(args.length > 4 && args[4].equals("insecure"));
        int count = Integer.parseInt(args[2]);

        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        Logger client = (Logger) LoggerFactory.getLogger("com.xebialabs.overthere.winrm.WinRmClient");
        client.setLevel(Level.DEBUG);
        client.setAdditive(false);
        AtomicInteger requests = new AtomicInteger();
        AppenderBase<ILoggingEvent> counter = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent e) {
                if (e.getMessage().startsWith("Sending WinRM")) {
                    requests.incrementAndGet();
                }
            }
        };
        counter.setContext(root.getLoggerContext());
        counter.start();
        client.addAppender(counter);

        List<Long> millis = new ArrayList<>();
        int[] perScript = new int[count];
        try (WinRmExecutor executor = new WinRmExecutor(settings)) {
            for (int i = 0; i < count; i++) {
                int before = requests.get();
                long start = System.nanoTime();
                ScriptResult r = executor.run(new Script("BENCH", "bench", "probe", "bench.ps1",
                        "Write-Output 'ok'; exit 0"), Duration.ofMinutes(2), OutputSink.discard());
                millis.add((System.nanoTime() - start) / 1_000_000);
                perScript[i] = requests.get() - before;
                if (r.exitCode() != 0) {
                    System.err.println("run " + i + ": exit code " + r.exitCode() + ": " + r.stderr().strip());
                }
            }
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        long total = millis.stream().mapToLong(Long::longValue).sum();
        System.out.printf("scripts: %d%n", count);
        System.out.printf("time per script: mean %d ms, median %d ms, p90 %d ms, min %d ms, max %d ms%n",
                total / count, sorted.get(count / 2), sorted.get(Math.min(count - 1, (int) Math.ceil(count * 0.9) - 1)),
                sorted.get(0), sorted.get(count - 1));
        System.out.printf("WS-Management requests per script: first %d, last %d, total %d%n",
                perScript[0], perScript[count - 1], requests.get());
    }
}

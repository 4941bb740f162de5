package io.hvcluster.bench;

import io.hvcluster.exec.OutputSink;
import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.exec.winrm.WinRmExecutor;
import io.hvcluster.exec.winrm.WinRmSettings;
import io.hvcluster.secrets.Secret;
import io.hvcluster.sim.winrm.PowerShellHost;
import io.hvcluster.sim.winrm.PowerShellResult;
import io.hvcluster.sim.winrm.RequestStatistics;
import io.hvcluster.sim.winrm.SimulatedEndpoint;
import io.hvcluster.sim.winrm.SimulatedHostConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The real cost of one trivial script on loopback, through hvcluster's WinRM executor (OverThere, with the
 * bootstrap that carries the script on stdin) and through pywinrm's {@code run_ps} (Debian python3-winrm), against
 * the same simulated host: HTTP requests and wall milliseconds per script, measured after a warm-up.
 */
final class LoopbackCost {

    private static final String USER = "hvadmin";
    private static final Secret PASSWORD = Secret.of("Loopback-Only-P@ss1");
    private static final String PYTHON = "/usr/bin/python3";

    record Measured(String client, int scripts, double requestsPerScript, double unauthorizedPerScript, double msPerScript) {
        String row() {
            return String.format(Locale.ROOT, "%-28s %8d %12.1f %10.1f %10.1f", client, scripts, requestsPerScript, unauthorizedPerScript, msPerScript);
        }
    }

    static String header() {
        return String.format(Locale.ROOT, "%-28s %8s %12s %10s %10s", "client", "scripts", "requests/scr", "401s/scr", "ms/script");
    }

    private final int scripts;

    LoopbackCost(int scripts) {
        this.scripts = scripts;
    }

    Measured hvcluster() throws Exception {
        try (SimulatedEndpoint ep = SimulatedEndpoint.start(config())) {
            WinRmSettings settings = new WinRmSettings("HV01", "127.0.0.1", ep.port(), false, WinRmSettings.Auth.BASIC, USER, PASSWORD,
                    false, Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(5), WinRmSettings.Kerberos.defaults());
            try (WinRmExecutor executor = new WinRmExecutor(settings)) {
                run(executor); // warm up class loading and the JIT
                ep.statistics().reset();
                long start = System.nanoTime();
                for (int i = 0; i < scripts; i++) {
                    run(executor);
                }
                double ms = (System.nanoTime() - start) / 1e6 / scripts;
                RequestStatistics.Snapshot s = ep.statistics().snapshot();
                return new Measured("hvcluster WinRmExecutor", scripts, s.httpRequests() / (double) scripts,
                        s.unauthorized() / (double) scripts, ms);
            }
        }
    }

    private static void run(WinRmExecutor executor) {
        ScriptResult r = executor.run(new Script("HV01", "bench", "probe", "bench.ps1", "Write-Output 'ok'"), Duration.ofSeconds(30),
                OutputSink.discard());
        if (r.exitCode() != 0) {
            throw new IllegalStateException("the trivial script failed on loopback: " + r.stderr());
        }
    }

    Measured pywinrm(Path work) throws Exception {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            throw new IllegalStateException("pywinrm is missing: sudo apt-get install -y python3-winrm");
        }
        Path script = work.resolve("bench_pywinrm.py");
        Files.writeString(script, String.join("\n",
                "import sys, time, winrm",
                "import os",
                "url, user, n = sys.argv[1], sys.argv[2], int(sys.argv[3])",
                "password = os.environ['HVCLUSTER_BENCH_PASSWORD']",
                "s = winrm.Session(url, auth=(user, password), transport='basic')",
                "assert s.run_ps(\"Write-Output 'ok'\").status_code == 0",
                "print('warm', flush=True)",
                "sys.stdin.readline()",
                "t = time.perf_counter()",
                "for i in range(n):",
                "    r = s.run_ps(\"Write-Output 'ok'\")",
                "    assert r.status_code == 0, r.std_err",
                "print('%.3f' % ((time.perf_counter() - t) * 1000 / n), flush=True)", ""), StandardCharsets.UTF_8);
        try (SimulatedEndpoint ep = SimulatedEndpoint.start(config())) {
            ProcessBuilder pb = new ProcessBuilder(PYTHON, script.toString(), ep.url(), USER, Integer.toString(scripts))
                    .redirectError(work.resolve("pywinrm-stderr.txt").toFile());
            // The password goes through the environment, never the command line (ps would show it).
            pb.environment().put("HVCLUSTER_BENCH_PASSWORD", PASSWORD.reveal());
            Process p = pb.start();
            var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String warm = out.readLine();
            if (!"warm".equals(warm)) {
                p.waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException("pywinrm failed: " + Files.readString(work.resolve("pywinrm-stderr.txt")));
            }
            ep.statistics().reset();
            p.getOutputStream().write('\n');
            p.getOutputStream().flush();
            String ms = out.readLine();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || ms == null) {
                throw new IllegalStateException("pywinrm failed: " + Files.readString(work.resolve("pywinrm-stderr.txt")));
            }
            RequestStatistics.Snapshot s = ep.statistics().snapshot();
            return new Measured("pywinrm run_ps (python3-winrm)", scripts, s.httpRequests() / (double) scripts,
                    s.unauthorized() / (double) scripts, Double.parseDouble(ms));
        }
    }

    private static SimulatedHostConfig config() {
        PowerShellHost ps = inv -> PowerShellResult.success("ok\r\n");
        return SimulatedHostConfig.builder("HV01").credentials(USER, PASSWORD).allowUnencrypted(true).powerShellHost(ps).build();
    }
}

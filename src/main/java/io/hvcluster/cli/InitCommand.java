package io.hvcluster.cli;

import io.hvcluster.facts.FactsProbe;
import io.hvcluster.init.HostsProbe;
import io.hvcluster.init.InventoryDraft;
import io.hvcluster.inventory.AuthMethod;
import io.hvcluster.inventory.Connection;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.PasswordSource;
import io.hvcluster.run.ExecutorFactory;
import io.hvcluster.secrets.Secret;
import io.hvcluster.sim.FreshHardware;
import io.hvcluster.sim.Simulation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hvcluster init --hosts h1,h2 [--out FILE]}: a first inventory written from what the hosts report. */
@Command(name = "init", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Writes a first inventory from what the hosts report: every NIC's name, MAC, speed and address, the disks every host sees, the domain and the OS.",
            "Probes the hosts read-only (the same probe as 'facts'). What the hosts cannot tell, such as the cluster's name and address and each NIC's role, is left as ~ with a TODO(init) comment: 'hvcluster validate FILE' lists each one left.",
            "Without --out the inventory goes to standard output. An existing file is not replaced without --force."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  hvcluster init --hosts hv01.corp.example.com,hv02.corp.example.com \\",
            "      --username hvadmin@CORP.EXAMPLE.COM --out my-cluster.yaml",
            "  hvcluster init --simulate --hosts HV01,HV02 --out lab.yaml",
            "  hvcluster validate my-cluster.yaml       (what is left to fill)",
            "",
            "Environment:",
            "  HVCLUSTER_PASSWORD  the WinRM password; without it (and without",
            "                      --password-stdin) init asks on the console"})
final class InitCommand implements Callable<Integer> {

    private static final String PASSWORD_VARIABLE = "HVCLUSTER_PASSWORD";

    @Mixin
    LoggingOptions logging;
    @Spec
    CommandSpec spec;

    @Option(names = "--hosts", required = true, split = ",", paramLabel = "<host>",
            description = "The hosts to probe, comma-separated: DNS names (for Kerberos) or addresses. With --simulate, computer names.")
    List<String> hosts;

    @Option(names = "--out", paramLabel = "<file>", description = "Where to write the inventory (default: standard output).")
    Path out;

    @Option(names = "--force", description = "Replace the --out file if it exists.")
    boolean force;

    @Option(names = "--simulate", description = "Probe freshly installed simulated hosts instead of real ones.")
    boolean simulate;

    @Option(names = "--username", paramLabel = "<user>", description = "The WinRM account: user@REALM for Kerberos, a local account for Basic.")
    String username;

    @Option(names = "--auth", paramLabel = "<method>", defaultValue = "kerberos",
            description = "kerberos or basic. Default: ${DEFAULT-VALUE}")
    String auth;

    @Option(names = "--port", paramLabel = "<port>", description = "WinRM port. Default: 5986 (5985 with --http).")
    Integer port;

    @Option(names = "--http", description = "Plain HTTP instead of HTTPS (labs only; Windows refuses Basic over HTTP by default).")
    boolean http;

    @Option(names = "--skip-certificate-check", description = "Do not verify the hosts' HTTPS certificates (labs only).")
    boolean skipCertificateCheck;

    @Option(names = "--password-stdin", description = "Read the WinRM password from the first line of standard input.")
    boolean passwordStdin;

    @Override
    public Integer call() throws IOException {
        ConsoleLogging.configure(logging);
        PrintWriter err = spec.commandLine().getErr();
        List<String> names = hosts.stream().map(String::strip).filter(h -> !h.isEmpty()).distinct().toList();
        if (names.isEmpty()) {
            throw new UserException(ExitCode.INVALID_INPUT, "--hosts: name at least one host");
        }
        if (out != null) {
            WritablePath.file("--out", out);
            if (Files.exists(out) && !force) {
                throw new UserException(ExitCode.INVALID_INPUT, "--out " + out + ": exists; add --force to replace it");
            }
        }
        AuthMethod method = switch (auth.toLowerCase(java.util.Locale.ROOT)) {
            case "kerberos" -> AuthMethod.KERBEROS;
            case "basic" -> AuthMethod.BASIC;
            default -> throw new UserException(ExitCode.INVALID_INPUT, "--auth " + auth + ": must be kerberos or basic");
        };
        int winrmPort = port != null ? port : http ? 5985 : 5986;
        if (winrmPort < 1 || winrmPort > 65535) {
            throw new UserException(ExitCode.INVALID_INPUT, "--port " + winrmPort + ": must be 1-65535");
        }
        FactsProbe probe = new FactsProbe(io.hvcluster.render.ScriptRenderer.bundled(), Versions.current());
        HostsProbe.Outcome outcome;
        InventoryDraft.ConnectionDraft connection;
        if (simulate) {
            outcome = probeSimulated(names, probe, err);
            connection = new InventoryDraft.ConnectionDraft(5986, true, "kerberos",
                    username != null ? username : "hvadmin@CORP.EXAMPLE.COM", false);
        } else {
            if (username == null || username.isBlank()) {
                throw new UserException(ExitCode.INVALID_INPUT, "--username: needed to reach real hosts (user@REALM for Kerberos)");
            }
            Connection c = new Connection(winrmPort, !http, method, username, new PasswordSource.Environment(PASSWORD_VARIABLE),
                    skipCertificateCheck, Duration.ofSeconds(30), Duration.ofSeconds(60));
            Secret password = password();
            ExecutorFactory executors = WinRmExecutors.factory(c, password);
            List<Host> targets = names.stream().map(n -> new Host(n, n, List.of())).toList();
            if (!logging.quiet()) {
                err.println("probing " + String.join(", ", names) + " (read-only)...");
                err.flush();
            }
            outcome = new HostsProbe(probe).probe(targets, executors, winrmPort == 5985 || winrmPort == 5986
                    ? List.of(5985, 5986) : List.of(winrmPort, 5985, 5986));
            connection = new InventoryDraft.ConnectionDraft(winrmPort, !http, method == AuthMethod.KERBEROS ? "kerberos" : "basic",
                    username, skipCertificateCheck);
        }
        if (!outcome.failures().isEmpty()) {
            outcome.failures().forEach((h, why) -> err.println("error: " + h + ": " + why));
            throw new UserException(ExitCode.STEP_FAILED, "cannot write the inventory: " + outcome.failures().size()
                    + " of " + names.size() + " host(s) did not answer the probe; nothing was written");
        }
        List<InventoryDraft.ProbedHost> probed = new ArrayList<>();
        names.forEach(n -> probed.add(new InventoryDraft.ProbedHost(n, n, outcome.facts().get(n))));
        String text = InventoryDraft.write(probed, connection, Instant.now().truncatedTo(ChronoUnit.SECONDS), schemaReference());
        int todos = io.hvcluster.init.TodoMarkers.find(text).size();
        if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            write(text);
            // -q leaves this summary only: it says SIMULATED itself.
            err.println((simulate ? "SIMULATED: " : "") + "wrote " + out + " (" + names.size() + " hosts); " + todos + " values are left for you to choose, marked "
                    + io.hvcluster.init.TodoMarkers.MARK + ": 'hvcluster validate " + out + "' lists them");
        }
        return ExitCode.OK.code();
    }

    private HostsProbe.Outcome probeSimulated(List<String> names, FactsProbe probe, PrintWriter err) throws IOException {
        Inventory hardware;
        try {
            hardware = FreshHardware.of(names);
        } catch (IllegalArgumentException e) {
            throw new UserException(ExitCode.INVALID_INPUT, "--hosts with --simulate takes computer names (1-15 letters, digits, "
                    + "hyphens), 2 to 64 of them: " + e.getMessage(), e);
        }
        // Fresh hosts every time, in a throw-away state folder: init describes hosts before any build.
        Path state = Files.createTempDirectory("hvcluster-init-sim");
        try (Simulation sim = Simulation.start(hardware, state, true)) {
            if (!logging.quiet()) {
                err.println("SIMULATED: probing freshly installed simulated hosts " + String.join(", ", names) + " (read-only)");
                err.flush();
            }
            return new HostsProbe(probe).probe(hardware.hosts(), sim.executors(), List.of(5985, 5986));
        } finally {
            deleteTree(state);
        }
    }

    private Secret password() {
        String fromEnv = System.getenv(PASSWORD_VARIABLE);
        PasswordSource source = passwordStdin ? new PasswordSource.StandardInput()
                : fromEnv != null && !fromEnv.isEmpty() ? new PasswordSource.Environment(PASSWORD_VARIABLE) : new PasswordSource.Prompt();
        return PasswordResolver.system().resolve(source, username, passwordStdin);
    }

    /** Written whole or not at all: a temporary file next to it, then moved over. */
    private void write(String text) {
        Path target = out.toAbsolutePath();
        try {
            Path tmp = Files.createTempFile(target.getParent(), ".hvcluster-init", ".yaml");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserException(ExitCode.INVALID_INPUT, "--out " + out + ": cannot write there: " + WritablePath.reason(e), e);
        }
    }

    /**
     * The JSON Schema next to this installation (schema/ beside lib/ in the release archive, or the clone's schema/),
     * relative to where the inventory goes, for editors' yaml-language-server; empty when there is none.
     */
    private Optional<String> schemaReference() {
        try {
            Path code = Path.of(InitCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = code.getParent(); dir != null && dir.getNameCount() > 0; dir = dir.getParent()) {
                Path schema = dir.resolve("schema").resolve("hvcluster-inventory.schema.json");
                if (Files.isRegularFile(schema)) {
                    Path from = (out == null ? Path.of("") : out).toAbsolutePath().getParent();
                    if (from == null || !from.getRoot().equals(schema.getRoot())) {
                        return Optional.of(schema.toUri().toString());
                    }
                    String relative = from.relativize(schema.toAbsolutePath()).toString().replace('\\', '/');
                    // Beside the installation (its inventories/, a folder next to it): relative, so it moves with it.
                    // Anywhere else: the absolute location, which survives moving the file.
                    return Optional.of(relative.startsWith("../../") ? schema.toUri().toString() : relative);
                }
                if (dir.equals(code.getParent().getParent())) {
                    break; // two levels up at most: lib/.. or target/classes/..
                }
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // no schema reference: the inventory is just as valid without it
        }
        return Optional.empty();
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}

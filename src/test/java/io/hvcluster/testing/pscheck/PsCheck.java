package io.hvcluster.testing.pscheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hvcluster.inventory.TargetOs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs {@code tools/pscheck/pscheck.mjs} on rendered PowerShell: a real PowerShell grammar proves the syntax, and
 * the cmdlet catalog proves every cmdlet and parameter is documented for the target Windows Server version.
 * All files go to ONE Node process, which loads the grammar and the catalog once.
 *
 * <p>Missing tools are a failure, never a skip: a proof that did not run must not pass as green.
 */
public final class PsCheck {

    static final String INSTALL_COMMAND = "npm ci --prefix tools/pscheck";
    private static final Path CHECKER = Path.of("tools", "pscheck", "pscheck.mjs");
    private static final Path LITERALS = Path.of("tools", "pscheck", "literals.mjs");
    private static final Path SHOULD_PROCESS = Path.of("tools", "pscheck", "shouldprocess.mjs");
    private static final Path MODULES = Path.of("tools", "pscheck", "node_modules");
    private static final Path CATALOG = Path.of("src", "test", "resources", "ps-catalog", "catalog.json.gz");
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Path node;
    private final Path projectRoot;

    PsCheck(Path node, Path projectRoot) {
        this.node = node;
        this.projectRoot = projectRoot;
    }

    /**
     * Finds the project root (the directory holding tools/pscheck, upwards from the working directory) and node
     * ({@code -Dpscheck.node=<path>} or {@code node} on the PATH). Fails with the command to run if either is missing.
     */
    public static PsCheck locate() {
        Path root = findProjectRoot(Path.of("").toAbsolutePath());
        PsCheck check = new PsCheck(findNode(), root);
        check.requireInstalled();
        return check;
    }

    /** Checks the given scripts, or every *.ps1 below the given directories, for one target version. */
    public PsCheckReport check(TargetOs target, Collection<Path> scripts) {
        requireInstalled();
        if (scripts.isEmpty()) {
            throw new IllegalArgumentException("no scripts to check");
        }
        List<String> command = new ArrayList<>(List.of(node.toString(), projectRoot.resolve(CHECKER).toString(),
                "--catalog", projectRoot.resolve(CATALOG).toString(), "--target", target.year(), "--json"));
        scripts.forEach(s -> command.add(s.toAbsolutePath().toString()));
        ProcessOutput output = run(command);
        if (output.exitCode() != 0 && output.exitCode() != 1) {
            throw new IllegalStateException("pscheck failed (exit " + output.exitCode() + "): " + output.stderr().strip());
        }
        PsCheckReport report = parse(target, output.stdout());
        if (report.files() == 0) {
            throw new IllegalStateException("no .ps1 scripts found in " + scripts);
        }
        return report;
    }

    public PsCheckReport check(TargetOs target, Path... scripts) {
        return check(target, List.of(scripts));
    }

    /**
     * How the grammar reads each script's strings: parse errors, every string literal as written, and the code
     * with literals and comments blanked out (tools/pscheck/literals.mjs).
     */
    public List<ParsedStrings> strings(Collection<Path> scripts) {
        requireInstalled();
        List<String> command = new ArrayList<>(List.of(node.toString(), projectRoot.resolve(LITERALS).toString()));
        scripts.forEach(s -> command.add(s.toAbsolutePath().toString()));
        ProcessOutput output = run(command);
        if (output.exitCode() != 0) {
            throw new IllegalStateException("literals.mjs failed (exit " + output.exitCode() + "): " + output.stderr().strip());
        }
        List<ParsedStrings> out = new ArrayList<>();
        try {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            for (String line : output.stdout().split("\n")) {
                if (!line.isBlank()) {
                    out.add(json.readValue(line, ParsedStrings.class));
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read literals.mjs output: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * How each script honours -WhatIf and -Confirm (tools/pscheck/shouldprocess.mjs): whether its first statement is
     * a [CmdletBinding(SupportsShouldProcess)] param block, and every call of a state-changing cmdlet or of
     * shutdown.exe that no $PSCmdlet.ShouldProcess guard covers.
     */
    public ShouldProcessReport shouldProcess(Collection<Path> scripts) {
        requireInstalled();
        if (scripts.isEmpty()) {
            throw new IllegalArgumentException("no scripts to check");
        }
        List<String> command = new ArrayList<>(List.of(node.toString(), projectRoot.resolve(SHOULD_PROCESS).toString(),
                "--catalog", projectRoot.resolve(CATALOG).toString()));
        scripts.forEach(s -> command.add(s.toAbsolutePath().toString()));
        ProcessOutput output = run(command);
        if (output.exitCode() != 0) {
            throw new IllegalStateException("shouldprocess.mjs failed (exit " + output.exitCode() + "): " + output.stderr().strip());
        }
        try {
            return new ObjectMapper().readValue(output.stdout(), ShouldProcessReport.class);
        } catch (IOException e) {
            throw new IllegalStateException("shouldprocess.mjs printed no valid JSON: " + output.stdout().strip(), e);
        }
    }

    /** One script as the grammar sees its strings. */
    public record ParsedStrings(String file, int errors, List<Literal> literals, String code) {
    }

    /** A string literal as written, quotes included; {@code kind} is the grammar's node type. */
    public record Literal(int line, String kind, String text) {

        /** The value PowerShell reads from a single-quoted literal: outer quotes off, each doubled quote single. */
        public String verbatimValue() {
            if (!kind.equals("verbatim_string_characters")) {
                throw new IllegalStateException("not a single-quoted literal: " + text);
            }
            StringBuilder sb = new StringBuilder();
            String body = text.substring(1, text.length() - 1);
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                sb.append(c);
                if (isQuote(c) && i + 1 < body.length() && isQuote(body.charAt(i + 1))) {
                    i++;
                }
            }
            return sb.toString();
        }

        private static boolean isQuote(char c) {
            return c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B';
        }
    }

    /** Fails with every problem listed, one per line, when any script has one. */
    public PsCheckReport assertNoProblems(TargetOs target, Collection<Path> scripts) {
        PsCheckReport report = check(target, scripts);
        if (!report.clean()) {
            throw new AssertionError(report.problems().size() + " problem(s) in PowerShell for Windows Server "
                    + target.year() + " (" + report.files() + " file(s) checked):\n"
                    + report.problems().stream().map(PsProblem::toString).collect(Collectors.joining("\n")));
        }
        return report;
    }

    void requireInstalled() {
        if (!Files.isRegularFile(projectRoot.resolve(CHECKER))) {
            throw new IllegalStateException("PowerShell checker not found at " + projectRoot.resolve(CHECKER));
        }
        if (!Files.isDirectory(projectRoot.resolve(MODULES).resolve("web-tree-sitter"))
                || !Files.isDirectory(projectRoot.resolve(MODULES).resolve("tree-sitter-powershell"))) {
            throw new IllegalStateException("PowerShell checker is not installed (" + projectRoot.resolve(MODULES)
                    + " is missing): run `" + INSTALL_COMMAND + "` in " + projectRoot);
        }
    }

    private static Path findProjectRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(CHECKER))) {
                return dir;
            }
        }
        throw new IllegalStateException("no " + CHECKER + " in " + start + " or any parent directory");
    }

    private static Path findNode() {
        String configured = System.getProperty("pscheck.node");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        String pathVariable = System.getenv("PATH");
        for (String dir : (pathVariable == null ? "" : pathVariable).split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, windows ? "node.exe" : "node");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("node (Node.js 20 or newer) is not on the PATH; install it, or pass "
                + "-Dpscheck.node=<path to node>, then run `" + INSTALL_COMMAND + "`");
    }

    private ProcessOutput run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(projectRoot.toFile()).start();
            process.getOutputStream().close();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String stdout = readAll(process.getInputStream());
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("pscheck did not finish within " + TIMEOUT);
            }
            return new ProcessOutput(process.exitValue(), stdout, stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + node + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for pscheck", e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PsCheckReport parse(TargetOs target, String json) {
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            List<PsProblem> problems = new ArrayList<>();
            for (JsonNode p : root.path("problems")) {
                problems.add(new PsProblem(Path.of(p.path("file").asText()), p.path("line").asInt(),
                        p.path("column").asInt(), p.path("kind").asText(), p.path("message").asText()));
            }
            Duration checkTime = Duration.ofNanos((long) (root.path("seconds").asDouble() * 1e9));
            return new PsCheckReport(target, root.path("files").asInt(), checkTime, problems);
        } catch (IOException e) {
            throw new IllegalStateException("pscheck printed no valid JSON: " + json.strip(), e);
        }
    }

    private record ProcessOutput(int exitCode, String stdout, String stderr) {}
}

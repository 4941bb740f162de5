package io.hvcluster.cli;

import static io.hvcluster.testing.InProcessCli.hvcluster;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.testing.InProcessCli.Run;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What an admin meets before any host is contacted: usage, help, version, completion, and mistakes in options. */
class CliBasicsTest {

    @Test
    void aloneItPrintsTheUsageAndExits2() {
        Run r = hvcluster();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Usage: hvcluster", "Commands:", "init", "apply", "completion", "Examples:", "Exit codes:")
                .doesNotContain("Missing required subcommand");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void helpAndVersionAreCommands() {
        Run help = hvcluster("help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: hvcluster", "Environment:", "HVCLUSTER_PASSWORD", "NO_COLOR");

        Run applyHelp = hvcluster("help", "apply");
        assertThat(applyHelp.exit()).isZero();
        assertThat(applyHelp.out()).contains("Usage: hvcluster apply", "Examples:", "--simulate --yes", "HVCLUSTER_PASSWORD");

        Run version = hvcluster("version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("hvcluster ").contains("Java ");
        assertThat(hvcluster("--version").out()).isEqualTo(version.out());
    }

    @Test
    void completionForBashAndPowerShellListsCommandsOptionsAndValues() {
        Run bash = hvcluster("completion", "bash");
        assertThat(bash.exit()).isZero();
        assertThat(bash.out()).contains("complete -F", "apply", "--simulate-fresh", "--reboot-strategy");

        Run ps = hvcluster("completion", "powershell");
        assertThat(ps.exit()).isZero();
        assertThat(ps.out()).contains("Register-ArgumentCompleter -Native -CommandName 'hvcluster', 'hvcluster.cmd', 'hvcluster.ps1'",
                "'apply' = @(", "'--simulate-fresh'", "'--reboot-strategy' = @('auto', 'rolling', 'parallel')", "'init' = @(");

        Run fish = hvcluster("completion", "fish");
        assertThat(fish.exit()).isEqualTo(2);
        assertThat(fish.err()).contains("fish");
    }

    /**
     * Help texts wrap to the terminal: no sentence is split over two description lines (picocli starts a new line for
     * each), and every command shows examples.
     */
    @Test
    void everyCommandsHelpHasWholeSentencesAndExamples() {
        CommandLine root = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        for (var entry : root.getSubcommands().entrySet()) {
            if (entry.getKey().equals("help")) {
                continue; // picocli's own
            }
            var usage = entry.getValue().getCommandSpec().usageMessage();
            for (String line : usage.description()) {
                assertThat(line).as(entry.getKey() + " description").matches("(?s).*[.:)]$");
            }
            for (var option : entry.getValue().getCommandSpec().options()) {
                for (String line : option.description()) {
                    assertThat(line).as(entry.getKey() + " " + option.longestName()).matches("(?s).*[.:)}A-Za-z0-9]$");
                }
            }
            assertThat(String.join("\n", usage.footer())).as(entry.getKey() + " examples").contains("hvcluster " + entry.getKey());
            assertThat(usage.footerHeading()).contains("Examples:");
        }
    }

    @Test
    void zeroOrNegativeTimeoutsAreRefusedBeforeAnythingStarts(@TempDir Path tmp) {
        Run zero = hvcluster("plan", "inventories/lab-2node.yaml", "--simulate", "--reboot-timeout", "0", "--runs-dir", tmp.toString());
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err()).contains("--reboot-timeout 0: must be at least 1 second").doesNotContain("SIMULATED");

        Run negative = hvcluster("apply", "inventories/lab-2node.yaml", "--simulate", "--step-timeout", "-5", "--yes");
        assertThat(negative.exit()).isEqualTo(2);
        assertThat(negative.err()).contains("--step-timeout -5: must be at least 1 second");

        Run forZero = hvcluster("simulate", "inventories/lab-2node.yaml", "--for", "0");
        assertThat(forZero.exit()).isEqualTo(2);
        assertThat(forZero.err()).contains("--for 0: must be at least 1 second");
    }

    @Test
    void aPathThatCannotBeWrittenIsExit2WithThePathAndTheReason(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Path under = file.resolve("runs");

        Run runsDir = hvcluster("plan", "inventories/lab-2node.yaml", "--simulate-fresh", "--simulator-state", tmp.resolve("sim").toString(),
                "--runs-dir", under.toString());
        assertThat(runsDir.exit()).isEqualTo(2);
        assertThat(runsDir.err()).contains("--runs-dir " + under + ": cannot write there: ", file.toString())
                .doesNotContain("internal error", "please report");

        Run state = hvcluster("plan", "inventories/lab-2node.yaml", "--simulate", "--simulator-state", under.toString(),
                "--runs-dir", tmp.resolve("runs").toString());
        assertThat(state.exit()).isEqualTo(2);
        assertThat(state.err()).contains("--simulator-state " + under + ": cannot write there: ").doesNotContain("internal error");

        Run dryRun = hvcluster("apply", "inventories/lab-2node.yaml", "--dry-run", "--runs-dir", under.toString());
        assertThat(dryRun.exit()).isEqualTo(2);
        assertThat(dryRun.err()).contains("--runs-dir " + under + ": cannot write there: ").doesNotContain("internal error");

        Run init = hvcluster("init", "--simulate", "--hosts", "HV01,HV02", "--out", under.resolve("x.yaml").toString());
        assertThat(init.exit()).isEqualTo(2);
        assertThat(init.err()).contains("--out " + under.resolve("x.yaml") + ": cannot write there: ").doesNotContain("internal error");
    }

    @Test
    void templatesThatMatchNoBundledTemplateAreErrorsAndOverridesAreNamed(@TempDir Path tmp) throws Exception {
        Path mine = tmp.resolve("mine");
        Files.createDirectories(mine.resolve("create-cluster"));
        Files.copy(Path.of("templates/create-cluster/apply.ps1.vm"), mine.resolve("create-cluster/apply.ps1.vm"));
        Files.createDirectories(mine.resolve(".git"));
        Files.writeString(mine.resolve(".git/HEAD"), "ref"); // hidden: not a template

        Run ok = hvcluster("render", "inventories/lab-2node.yaml", "--out", tmp.resolve("bundle").toString(), "--templates", mine.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.err()).contains("templates: 1 of yours from " + mine + " replace the bundled ones: create-cluster/apply.ps1.vm");

        Files.createDirectories(mine.resolve("create-clustre"));
        Files.writeString(mine.resolve("create-clustre/apply.ps1.vm"), "# misspelt folder");
        Run misspelt = hvcluster("render", "inventories/lab-2node.yaml", "--out", tmp.resolve("bundle2").toString(), "--templates", mine.toString());
        assertThat(misspelt.exit()).isEqualTo(2);
        assertThat(misspelt.err()).contains("--templates " + mine + ": create-clustre/apply.ps1.vm matches no bundled template");
        assertThat(tmp.resolve("bundle2")).doesNotExist();

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Run none = hvcluster("render", "inventories/lab-2node.yaml", "--out", tmp.resolve("bundle3").toString(), "--templates", empty.toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("--templates " + empty + ": holds no template");

        Path aFile = mine.resolve("create-cluster/apply.ps1.vm");
        Run file = hvcluster("render", "inventories/lab-2node.yaml", "--out", tmp.resolve("bundle4").toString(), "--templates", aFile.toString());
        assertThat(file.exit()).isEqualTo(2);
        assertThat(file.err()).contains("--templates " + aFile + ": is a file");
    }

    @Test
    void theCompletionScriptsNameOnlyOptionsThatExist() {
        String ps = hvcluster("completion", "powershell").out();
        for (String option : List.of("--detailed-exitcode", "--hosts", "--templates", "--skip-preflight")) {
            assertThat(ps).contains("'" + option + "'");
        }
        assertThat(ps).doesNotContain("'--no-such-option'");
    }
}

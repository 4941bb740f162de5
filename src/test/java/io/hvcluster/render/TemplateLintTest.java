package io.hvcluster.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Proves, for every template, that nothing from the inventory can reach a script except as a PowerShell
 * literal: outside the unparsed #[[ ... ]]# blocks a template may only hold directives, Velocity comments,
 * the header, and `$ps.let('Name', $step.field())` lines. It also keeps decisions out of templates.
 */
class TemplateLintTest {

    private static final Pattern UNPARSED = Pattern.compile("#\\[\\[.*?]]#", Pattern.DOTALL);
    private static final List<Pattern> ALLOWED = List.of(
            Pattern.compile("#parse\\(\"_lib/[a-z-]+\\.ps1\\.vm\"\\)"),
            Pattern.compile("##.*"),
            Pattern.compile("\\$header\\.(text|cmdletBinding)\\(\\)"),
            Pattern.compile("\\$ps\\.let\\('[A-Za-z]+', \\$(step|header)\\.[a-zA-Z]+\\(\\)\\)"));

    @Test
    void templatesPlaceValuesOnlyThroughPsLet() throws IOException {
        List<String> offences = new ArrayList<>();
        List<Path> templates = templates();
        assertThat(templates).hasSizeGreaterThanOrEqualTo(12);
        for (Path t : templates) {
            String text = UNPARSED.matcher(Files.readString(t)).replaceAll("");
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (ALLOWED.stream().noneMatch(p -> p.matcher(line).matches())) {
                    offences.add(t + ": " + line);
                }
            }
        }
        assertThat(offences).as("lines outside #[[ ]]# that are not a directive or a $ps.let").isEmpty();
    }

    @Test
    void unparsedBlocksHoldNoVelocityReferencesToTheModel() throws IOException {
        List<String> offences = new ArrayList<>();
        Pattern model = Pattern.compile("\\$\\{?(step|ps|header)\\b");
        for (Path t : templates()) {
            Matcher m = UNPARSED.matcher(Files.readString(t));
            while (m.find()) {
                if (model.matcher(m.group()).find()) {
                    offences.add(t.toString());
                }
            }
        }
        // Inside #[[ ]]# a "$step" would be PowerShell's variable, silently $null: a bug either way.
        assertThat(offences).isEmpty();
    }

    @Test
    void everyPowerShellBodyEndsThroughCompleteOrStop() throws IOException {
        for (Path t : templates()) {
            String folder = t.getParent().getFileName().toString();
            // The read-only probes print their own document (facts, preflight, verify), not a step result.
            if (folder.equals("_lib") || folder.equals("facts") || folder.equals("preflight") || folder.equals("verify")) {
                continue;
            }
            String text = Files.readString(t);
            assertThat(text).as(t.toString()).contains("#parse(\"_lib/prologue.ps1.vm\")", "Complete-HvcStep", "Stop-HvcStep $_");
        }
    }

    static List<Path> templates() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("templates"))) {
            return s.filter(p -> p.toString().endsWith(".ps1.vm")).sorted().toList();
        }
    }
}

package io.hvcluster.inventory.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.hvcluster.inventory.check.Problem;
import io.hvcluster.testing.InventoryYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A seeded fuzzer over the loader: thousands of mutations of a valid inventory (YAML punctuation, anchors and
 * aliases, tags, escapes and control characters, deep nesting, long values, cut and repeated lines). Each must
 * either load as a valid inventory or come back with errors, every problem a single printable FILE:LINE:COL line,
 * and no Throwable may escape. The seed is fixed so a failure is reproducible; the message names the case.
 */
class InventoryFuzzTest {

    private static final long SEED = 0x16_2026L;
    private static final int CASES = 800;
    private static final Pattern LINE = Pattern.compile("fuzz\\.yaml:\\d+:\\d+: (error|warning): [^\\n\\r]*");

    private static final List<String> TOKENS = List.of("[", "]", "{", "}", ":", ": ", "- ", ",", "&a ", "*a", "!env ",
            "!!binary ", "!!str ", "? ", "|", ">", "'", "\"", "\"\\e\"", "\"\\a\"", "\"\\x07\"", "\"\\u202E\"", "\\n",
            "\t", "#", "%YAML 1.2\n", "---\n", "...\n", "~", "null", "0x1F", "1e999", "-.inf", "999999999999999999999",
            "é", "\uD83D\uDE00", "\u0000", "\u001B[2J", " ", "\n", "\n  ", "<<: *a", "&a [a, b]", "password: x");

    @Test
    void everyMutationLoadsOrIsReportedAndNothingEscapes() {
        Random random = new Random(SEED);
        String base = InventoryYaml.base().text();
        int valid = 0;
        int invalid = 0;
        for (int i = 0; i < CASES; i++) {
            String text = mutate(base, random);
            LoadResult result;
            try {
                result = InventoryLoader.load(text, "fuzz.yaml");
            } catch (Throwable t) {
                fail("case " + i + " threw " + t + " for:\n" + text, t);
                return;
            }
            assertThat(result.inventory().isPresent()).as("case %d", i).isNotEqualTo(!result.errors().isEmpty());
            for (Problem p : result.problems()) {
                assertThat(p.format("fuzz.yaml")).as("case %d", i).matches(LINE)
                        .satisfies(l -> assertThat(l.chars().noneMatch(Character::isISOControl)).isTrue());
            }
            if (result.inventory().isPresent()) {
                valid++;
            } else {
                invalid++;
            }
        }
        // The generator must exercise both outcomes, or it tests nothing.
        assertThat(valid).isGreaterThan(5);
        assertThat(invalid).isGreaterThan(CASES / 2);
    }

    private static String mutate(String base, Random random) {
        String text = base;
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(8)) {
                case 0, 1 -> text = text.substring(0, at) + TOKENS.get(random.nextInt(TOKENS.size())) + text.substring(at);
                case 2 -> text = text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(20)));
                case 3 -> text = text.substring(0, at) + "[".repeat(random.nextInt(3000)) + text.substring(at);
                case 4 -> text = text.substring(0, at) + "x".repeat(random.nextInt(5000)) + text.substring(at);
                case 5 -> text = swapLines(text, random);
                case 6 -> text = text.substring(0, at) + (char) random.nextInt(0x3000) + text.substring(at);
                default -> {
                    // A harmless edit on a value, so some cases stay valid.
                    text = text.replaceFirst("HVCL01", "HVCL0" + random.nextInt(10));
                }
            }
        }
        return text;
    }

    private static String swapLines(String text, Random random) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        int a = random.nextInt(lines.size());
        int b = random.nextInt(lines.size());
        String tmp = lines.get(a);
        lines.set(a, lines.get(b));
        lines.set(b, tmp);
        return String.join("\n", lines) + "\n";
    }
}

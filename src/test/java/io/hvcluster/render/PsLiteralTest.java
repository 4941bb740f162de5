package io.hvcluster.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PsLiteralTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "plain          | 'plain'",
        "O'Brien        | 'O''Brien'",
        "a\u2018b       | 'a\u2018\u2018b'",
        "a\u2019b       | 'a\u2019\u2019b'",
        "a\u201Ab       | 'a\u201A\u201Ab'",
        "a\u201Bb       | 'a\u201B\u201Bb'",
        "$(calc)        | '$(calc)'",
        "a`b;c          | 'a`b;c'",
        "x\"y           | 'x\"y'",
        "Zürich         | 'Zürich'"})
    void quotesEverySingleQuoteCharacterPowerShellKnows(String value, String expected) {
        assertThat(PsLiteral.quote(value.strip())).isEqualTo(expected.strip());
    }

    @Test
    void doubleQuoteVariantsAreNotQuotesInsideSingleQuotedStrings() {
        // U+201C/U+201D end double-quoted strings only; inside '...' they are text and must stay single.
        assertThat(PsLiteral.quote("\u201Cx\u201D")).isEqualTo("'\u201Cx\u201D'");
    }

    @Test
    void newlinesStayInsideTheLiteral() {
        assertThat(PsLiteral.quote("a\r\nb")).isEqualTo("'a\r\nb'");
    }

    @Test
    void rendersScalarsCollectionsAndRecords() {
        record Nic(String name, boolean up, int vlan) {
        }
        assertThat(PsLiteral.of(true)).isEqualTo("$true");
        assertThat(PsLiteral.of(false)).isEqualTo("$false");
        assertThat(PsLiteral.of(42)).isEqualTo("42");
        assertThat(PsLiteral.of(null)).isEqualTo("$null");
        assertThat(PsLiteral.of(Optional.empty())).isEqualTo("$null");
        assertThat(PsLiteral.of(List.of())).isEqualTo("@()");
        assertThat(PsLiteral.of(List.of("a", "b'c"))).isEqualTo("@('a', 'b''c')");
        assertThat(PsLiteral.of(new Nic("Cluster", true, 20))).isEqualTo("[ordered]@{ name = 'Cluster'; up = $true; vlan = 20 }");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("k'ey", "v");
        assertThat(PsLiteral.of(m)).isEqualTo("[ordered]@{ 'k''ey' = 'v' }");
    }

    @Test
    void listsOfRecordsAreOnePerLineInABlock() {
        record A(String name) {
        }
        assertThat(PsLiteral.assignment("X", List.of(new A("a"), new A("b"))))
                .isEqualTo("$X = @(\r\n    [ordered]@{ name = 'a' }\r\n    [ordered]@{ name = 'b' }\r\n)");
    }

    @Test
    void refusesValuesWithoutAnExactLiteral() {
        assertThatThrownBy(() -> PsLiteral.of(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PsLiteral.assignment("bad name", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}

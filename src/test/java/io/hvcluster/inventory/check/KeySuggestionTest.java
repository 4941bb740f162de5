package io.hvcluster.inventory.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeySuggestionTest {

    private static final List<String> KEYS = List.of("name", "address", "domain", "quorum", "ip", "os");

    @Test
    void suggestsWithinTwoEdits() {
        assertThat(KeySuggestion.closest("adress", KEYS)).contains("address");
        assertThat(KeySuggestion.closest("qourum", KEYS)).contains("quorum");
    }

    @Test
    void suggestsCaseOnlyDifferences() {
        assertThat(KeySuggestion.closest("DOMAIN", KEYS)).contains("domain");
    }

    @Test
    void staysSilentWhenNothingIsClose() {
        assertThat(KeySuggestion.closest("gateway", KEYS)).isEmpty();
    }

    @Test
    void shortKeysNeedMostOfTheWordToSurvive() {
        assertThat(KeySuggestion.closest("xy", KEYS)).isEmpty();
    }

    @Test
    void distanceIsLevenshtein() {
        assertThat(KeySuggestion.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(KeySuggestion.distance("", "abc")).isEqualTo(3);
        assertThat(KeySuggestion.distance("Port", "port")).isZero();
    }
}

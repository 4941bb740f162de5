package io.hvcluster.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {

    private final Figure post = Figure.minutes("POST", 2, 4, 10, "test");

    @Test
    void typicalGivesTheTypicalValue() {
        assertThat(Spread.typical().pick(post, "HV01/restart#1")).isEqualTo(Duration.ofMinutes(4));
        assertThat(Spread.typical().random()).isFalse();
    }

    @Test
    void seededValuesStayInTheRangeAndDependOnlyOnSeedAndKey() {
        Spread a = Spread.seeded(42);
        List<Duration> first = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Duration d = a.pick(post, "HV" + i + "/restart#1");
            assertThat(d).isBetween(Duration.ofMinutes(2), Duration.ofMinutes(10));
            first.add(d);
        }
        // Asked again in reverse order, by a new instance: the same values (threads may ask in any order).
        Spread b = Spread.seeded(42);
        for (int i = 199; i >= 0; i--) {
            assertThat(b.pick(post, "HV" + i + "/restart#1")).isEqualTo(first.get(i));
        }
        assertThat(first).doesNotHaveDuplicates().hasSizeGreaterThan(150);
        assertThat(Spread.seeded(43).pick(post, "HV0/restart#1")).isNotEqualTo(first.get(0));
    }

    @Test
    void seededValuesAreSpreadAroundTheTypicalValue() {
        Spread s = Spread.seeded(7);
        double sum = 0;
        int below = 0;
        int n = 4000;
        for (int i = 0; i < n; i++) {
            double m = s.pick(post, "k" + i).toMillis() / 60000.0;
            sum += m;
            below += m < 4 ? 1 : 0;
        }
        // Triangular (2, 4, 10): mean 16/3 minutes, and P(x < 4) = (4-2)/(10-2) = 1/4.
        assertThat(sum / n).isCloseTo(16.0 / 3, org.assertj.core.data.Offset.offset(0.15));
        assertThat(below / (double) n).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.03));
    }
}

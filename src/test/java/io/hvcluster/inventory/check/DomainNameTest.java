package io.hvcluster.inventory.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"corp.example.com", "ad.contoso-lab.net", "a.b"})
    void acceptsFqdns(String name) {
        assertThat(DomainName.fqdnProblem(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"corp", "corp..example.com", "-corp.example.com", "corp_ad.example.com", "corp.example.com.",
        "corp example.com"})
    void refusesNonFqdns(String name) {
        assertThat(DomainName.fqdnProblem(name)).contains("'" + name + "' is not a fully qualified domain name; "
                + "expected labels of letters, digits and hyphens with at least one dot, like corp.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hv01", "hv01.corp.example.com", "10.0.0.11"})
    void hostNamesMayBeShort(String name) {
        assertThat(DomainName.isHostName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hv_01", "hv01.", "hv 01"})
    void hostNamesRefuseOddCharacters(String name) {
        assertThat(DomainName.isHostName(name)).isFalse();
    }
}

package io.hvcluster.inventory.load;

import static io.hvcluster.inventory.check.Problem.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.testing.InventoryYaml;
import org.junit.jupiter.api.Test;

/** YAML-level mistakes: one problem at the parser's position, never an exception. */
class YamlSyntaxTest {

    @Test
    void tabIndentationIsOneErrorAtTheTab() {
        LoadResult r = InventoryLoader.load("cluster:\n\tname: HVCL01\n", "t.yaml");
        assertThat(r.problems()).containsExactly(
                error("", 2, 1, "invalid YAML: a tab character; YAML indents with spaces only"));
        assertThat(r.inventory()).isEmpty();
    }

    @Test
    void badIndentationIsOneErrorAtTheParserMark() {
        LoadResult r = InventoryLoader.load("cluster:\n  name: HVCL01\n address: 10.0.0.50\n", "t.yaml");
        assertThat(r.problems()).hasSize(1);
        assertThat(r.problems().get(0).line()).isEqualTo(3);
        assertThat(r.problems().get(0).message()).startsWith("invalid YAML: ");
    }

    @Test
    void duplicateKeyIsAnErrorAtTheSecondKey() {
        LoadResult r = InventoryYaml.base().replace("  domain: corp.example.com\n",
                "  domain: corp.example.com\n  name: HVCL02\n").load();
        assertThat(r.problems()).containsExactly(error("cluster.name", 5, 3, "duplicate key 'name' (first at line 2)"));
    }

    @Test
    void duplicateNicKeyOnAHostIsAnError() {
        LoadResult r = InventoryYaml.base().replace("      Virtual 1: { name: Ethernet 4 }\n",
                "      Virtual 1: { name: Ethernet 4 }\n      Virtual 1: { name: Ethernet 5 }\n").load();
        assertThat(r.problems()).containsExactly(
                error("hosts[1].nics.Virtual 1", 31, 7, "duplicate key 'Virtual 1' (first at line 30)"));
    }

    @Test
    void emptyFileIsOneError() {
        assertThat(InventoryLoader.load("", "t.yaml").problems()).containsExactly(error("", 1, 1,
                "the inventory is empty; expected the sections cluster, networks, hosts and connection"));
    }

    @Test
    void secondDocumentIsRefused() {
        LoadResult r = InventoryLoader.load(InventoryYaml.base().text() + "---\ncluster: {}\n", "t.yaml");
        assertThat(r.problems()).containsExactly(error("", 38, 1,
                "a second YAML document (after ---); keep the whole inventory in one document"));
    }

    @Test
    void rootThatIsNotAMapIsOneError() {
        assertThat(InventoryLoader.load("- a\n- b\n", "t.yaml").problems()).containsExactly(
                error("", 1, 1, "expected a map of keys and values, found a list"));
    }

    @Test
    void byteOrderMarkAndWindowsLineEndingsAreAccepted() {
        String windows = "\uFEFF" + InventoryYaml.base().text().replace("\n", "\r\n");
        LoadResult r = InventoryLoader.load(windows, "t.yaml");
        assertThat(r.problems()).isEmpty();
        assertThat(r.inventory()).isPresent();
    }

    @Test
    void aliasBombIsRefusedWithoutAnException() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 0; i < 60; i++) {
            yaml.append("k").append(i).append(": &b").append(i).append(" [*a, *a, *a]\n");
        }
        LoadResult r = InventoryLoader.load(yaml.toString(), "t.yaml");
        assertThat(r.inventory()).isEmpty();
        assertThat(r.errors()).hasSize(1);
        assertThat(r.errors().get(0).message()).startsWith("invalid YAML: ");
    }
}

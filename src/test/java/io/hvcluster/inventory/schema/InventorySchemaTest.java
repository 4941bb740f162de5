package io.hvcluster.inventory.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.hvcluster.inventory.load.InventoryLoader;
import io.hvcluster.inventory.load.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * schema/hvcluster-inventory.schema.json, proven with a JSON Schema validator nobody here wrote (networknt): every
 * example inventory passes, and every rule the schema expresses rejects the same broken file that hvcluster's own
 * loader rejects (so the schema never flags what validate accepts, nor accepts the mistakes it is there to catch).
 * What a schema cannot express (uniqueness across hosts, subnets containing addresses, quorum arithmetic) stays
 * with 'hvcluster validate'; docs/inventory.md says so.
 */
public class InventorySchemaTest {

    static final Path SCHEMA = Path.of("schema", "hvcluster-inventory.schema.json");
    private static final Schema VALIDATOR = load();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Schema load() {
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(Files.readString(SCHEMA), InputFormat.JSON);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The YAML read as hvcluster reads it (YAML 1.2, snakeyaml-engine), as a JSON tree. */
    public static List<Error> schemaErrors(String yaml) {
        Object doc = new Load(LoadSettings.builder().build()).loadFromString(yaml);
        JsonNode tree = JSON.valueToTree(doc);
        return VALIDATOR.validate(tree);
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("inventories"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleInventoryMatchesTheSchemaAndNamesIt(Path example) throws IOException {
        String text = Files.readString(example);
        assertThat(schemaErrors(text)).as(example.toString()).isEmpty();
        assertThat(text).startsWith("# yaml-language-server: $schema=../schema/hvcluster-inventory.schema.json\n");
        assertThat(example.resolveSibling("../schema/hvcluster-inventory.schema.json").normalize()).isRegularFile();
    }

    @Test
    void theSchemaIsItselfAValidDraft7Schema() throws IOException {
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(com.networknt.schema.SchemaLocation.of("http://json-schema.org/draft-07/schema#"));
        assertThat(meta.validate(JSON.readTree(Files.readString(SCHEMA)))).isEmpty();
    }

    /** A broken copy of an example: the name of the rule, the example, the text to replace and its replacement. */
    static Stream<Arguments> brokenInventories() {
        String two = "inventories/lab-2node.yaml";
        String four = "inventories/lab-4node.yaml";
        return Stream.of(
                broken("unknown key", two, "  os: windows-server-2022", "  os: windows-server-2022\n  adress: 10.0.0.9"),
                broken("missing section", two, "connection:\n", "connexion:\n"),
                broken("computer name over 15 characters", two, "name: HVCL01", "name: HVCL0123456789012"),
                broken("computer name with a dot (FQDN)", two, "name: HV01", "name: hv01.corp"),
                broken("computer name all digits", two, "name: HVCL01", "name: \"123456\""),
                broken("computer name reserved word", two, "name: HVCL01", "name: Server"),
                broken("computer name starting with a hyphen", two, "name: HVCL01", "name: -HVCL01"),
                broken("IPv4 with a leading zero", two, "address: 10.0.0.50", "address: 10.0.0.050"),
                broken("IPv4 out of range", two, "address: 10.0.0.50", "address: 10.0.0.256"),
                broken("domain without a dot", two, "domain: corp.example.com", "domain: corp"),
                broken("domain that is an IP address", two, "domain: corp.example.com", "domain: 10.0.0.10"),
                broken("unknown os", two, "os: windows-server-2022", "os: windows-server-2012"),
                broken("unknown quorum", two, "quorum: node-and-disk-majority", "quorum: majority"),
                broken("node-and-disk-majority without a witness", two, "  witness: { label: Witness, serial: WITNESS-01, sizeMB: 1024 }\n", ""),
                broken("witness under 512 MB", two, "sizeMB: 1024", "sizeMB: 500"),
                broken("disk without serial or uniqueId", two, "{ label: Witness, serial: WITNESS-01, sizeMB: 1024 }", "{ label: Witness, sizeMB: 1024 }"),
                broken("disk by number", two, "{ label: CSV1, serial: CSV-01-01, sizeGB: 500 }", "{ label: CSV1, serial: CSV-01-01, sizeGB: 500, number: 2 }"),
                broken("label over 32 characters", two, "label: CSV1", "label: CSV1-" + "x".repeat(28)),
                broken("size as text", two, "sizeGB: 500", "sizeGB: \"500\""),
                broken("size zero", two, "sizeGB: 500", "sizeGB: 0"),
                broken("shared volume sized in MB", two, "{ label: CSV1, serial: CSV-01-01, sizeGB: 500 }", "{ label: CSV1, serial: CSV-01-01, sizeMB: 500 }"),
                broken("VLAN out of range", two, "allowManagementOS: false }", "allowManagementOS: true, vlan: 4095 }"),
                broken("switch without network", two, "{ name: External, network: Virtual 1, allowManagementOS: false }", "{ name: External }"),
                broken("unknown purpose", two, "purpose: cluster,", "purpose: heartbeat,"),
                broken("no management network", two, "purpose: management,", "purpose: iscsi,"),
                broken("no cluster network", two, "{ name: Cluster, purpose: cluster, subnet: 10.10.1.0/24 }", "{ name: Cluster, purpose: iscsi, subnet: 10.10.1.0/24 }"),
                broken("/32 subnet", two, "subnet: 10.10.1.0/24", "subnet: 10.10.1.0/32"),
                broken("subnet missing", two, "{ name: Cluster, purpose: cluster, subnet: 10.10.1.0/24 }", "{ name: Cluster, purpose: cluster }"),
                broken("virtual-switch network with a subnet", two, "{ name: Virtual 1, purpose: virtual-switch }", "{ name: Virtual 1, purpose: virtual-switch, subnet: 10.30.0.0/24 }"),
                broken("gateway on a cluster network", two, "{ name: Cluster, purpose: cluster, subnet: 10.10.1.0/24 }", "{ name: Cluster, purpose: cluster, subnet: 10.10.1.0/24, gateway: 10.10.1.1 }"),
                broken("dns on an iSCSI network", two, "{ name: iSCSI 1, purpose: iscsi, subnet: 10.20.1.0/24 }", "{ name: iSCSI 1, purpose: iscsi, subnet: 10.20.1.0/24, dns: [10.0.0.10] }"),
                broken("NIC with mac and name", two, "{ mac: 00-15-5D-0A-01-04 }", "{ mac: 00-15-5D-0A-01-04, name: Ethernet 4 }"),
                broken("NIC with neither mac nor name", two, "{ mac: 00-15-5D-0A-01-04 }", "{ }"),
                broken("multicast MAC", two, "mac: 00-15-5D-0A-01-04", "mac: 01-15-5D-0A-01-04"),
                broken("all-zero MAC", two, "mac: 00-15-5D-0A-01-04", "mac: 00-00-00-00-00-00"),
                broken("MAC with mixed separators", two, "mac: 00-15-5D-0A-01-04", "mac: 00-15:5D-0A-01-04"),
                broken("MAC too short", two, "mac: 00-15-5D-0A-01-04", "mac: 00-15-5D-0A-01"),
                broken("NIC ip not an address", two, "ip: 10.0.0.11 }", "ip: 10.0.0 }"),
                broken("one host only", two, "  - name: HV02\n    address: hv02.corp.example.com\n    nics:\n      Parent:    { mac: 00-15-5D-0A-02-01, ip: 10.0.0.12 }\n      Cluster:   { mac: 00-15-5D-0A-02-02, ip: 10.10.1.12 }\n      iSCSI 1:   { mac: 00-15-5D-0A-02-03, ip: 10.20.1.12 }\n      Virtual 1: { name: \"Ethernet 4\" }   # this host's NIC is known by its current name\n", ""),
                broken("host without nics", two, "    address: hv02.corp.example.com\n    nics:\n      Parent:    { mac: 00-15-5D-0A-02-01, ip: 10.0.0.12 }\n      Cluster:   { mac: 00-15-5D-0A-02-02, ip: 10.10.1.12 }\n      iSCSI 1:   { mac: 00-15-5D-0A-02-03, ip: 10.20.1.12 }\n      Virtual 1: { name: \"Ethernet 4\" }   # this host's NIC is known by its current name\n", "    address: hv02.corp.example.com\n"),
                broken("port out of range", two, "port: 5986", "port: 70000"),
                broken("port as text", two, "port: 5986", "port: \"5986\""),
                broken("https as text", two, "https: true", "https: \"yes\""),
                broken("unknown auth", two, "auth: kerberos", "auth: ntlm"),
                broken("Kerberos with DOMAIN\\user", two, "username: hvadmin@CORP.EXAMPLE.COM", "username: CORP\\hvadmin"),
                broken("password in the file", two, "password: { env: HVCLUSTER_PASSWORD }", "password: Secret-123"),
                broken("password from two sources", two, "password: { env: HVCLUSTER_PASSWORD }", "password: { env: HVCLUSTER_PASSWORD, prompt: true }"),
                broken("password stdin false", two, "password: { env: HVCLUSTER_PASSWORD }", "password: { stdin: false }"),
                broken("password variable starting with a digit", two, "password: { env: HVCLUSTER_PASSWORD }", "password: { env: 1PASSWORD }"),
                broken("a password-like key", two, "  https: true", "  https: true\n  pwd: x"),
                broken("timeout zero", four, "operationTimeoutSeconds: 60", "operationTimeoutSeconds: 0"),
                broken("capacity without VM groups", four, "  vmGroups:\n", "  vmGroupz:\n"),
                broken("capacity free space 100 %", four, "freeSpacePercent: 20", "freeSpacePercent: 100"),
                broken("capacity negative failover reserve", four, "failoverReserve: 2", "failoverReserve: -1"),
                broken("VM group count zero", four, "{ name: web, count: 40,", "{ name: web, count: 0,"),
                broken("unknown storage kind", four, "  kind: iscsi ", "  kind: nfs "),
                broken("CHAP secret in the file", four, "  # chap: { username: hvcl03, secret: { env: HVCLUSTER_CHAP_SECRET } }",
                        "  chap: { username: hvcl03, secret: Sup3rS3cretChap }"),
                broken("iSCSI portal not an address", four, "[10.20.1.100, 10.20.2.100]", "[10.20.1.100, san-b]"),
                broken("iSCSI without targets", four, "  targets:\n    - portals: [10.20.1.100, 10.20.2.100]", "  targetz:\n    - portals: [10.20.1.100, 10.20.2.100]"),
                broken("Fibre Channel with targets", four, "  kind: iscsi ", "  kind: fibreChannel "),
                broken("unknown load-balance policy", four, "loadBalancePolicy: RR", "loadBalancePolicy: RoundRobin"),
                broken("VM group missing vcpus", four, "{ name: sql, count: 4, memoryGB: 64, vcpus: 8, diskGB: 500 }", "{ name: sql, count: 4, memoryGB: 64, diskGB: 500 }"));
    }

    private static Arguments broken(String rule, String example, String from, String to) {
        return Arguments.of(rule, example, from, to);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenInventories")
    void theSchemaAndValidateBothRejectTheMistake(String rule, String example, String from, String to) throws IOException {
        String original = Files.readString(Path.of(example));
        assertThat(original).as("the test's anchor text for '" + rule + "'").contains(from);
        String text = original.replace(from, to);

        List<Error> errors = schemaErrors(text);
        assertThat(errors).as("the schema rejects: " + rule).isNotEmpty();

        LoadResult loaded = InventoryLoader.load(text, "broken.yaml");
        assertThat(loaded.hasErrors()).as("validate rejects it too: " + rule + " " + loaded.formattedProblems()).isTrue();
    }
}

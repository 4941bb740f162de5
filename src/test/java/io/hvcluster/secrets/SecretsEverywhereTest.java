package io.hvcluster.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.testing.HvclusterProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The password of a run never appears in anything a run writes or prints: every command, at every verbosity (-q to -vv),
 * for a good and for a failing run, in real processes whose password comes from the environment, so the simulated
 * hosts accept exactly that password and it travels the real secret path (WinRM logon, bootstrap payload, second
 * hop). Searched in everything: console output, journal, run.log, reports, archived scripts, the dry-run bundle,
 * the simulator's state, exception messages (the failing runs' console); in plain text, base64 and UTF-16LE
 * base64 (at every byte alignment), PowerShell-quoted, and JSON-escaped.
 */
@Timeout(900)
class SecretsEverywhereTest {

    /** Quotes and a backslash, so the escaped forms differ from the plain one. */
    static final String CANARY = "Cnry'Qx\"7\\Zv-41d9-Secret-Canary";
    /** The password of the domain a failing run meets: a different, also secret value. */
    static final String OTHER = "Othr'Dm\"3\\Pw-77a1-Other-Canary";
    /** The iSCSI CHAP secret every run is given (12 to 16 bytes, as the Microsoft initiator takes): it must not leak either. */
    static final String CHAP = "Chp'Q\"5\\Canry16";

    @Test
    void noCommandLeaksThePasswordInAnyForm(@TempDir Path tmp) throws Exception {
        // The 2-node example with the one-shot task as its second hop: with Kerberos delegation (auto's choice for
        // this Kerberos inventory) the password never travels to the hosts, and this test is about the path where it does.
        Path taskInventory = tmp.resolve("lab-2node-task.yaml");
        String example = Files.readString(Path.of("inventories/lab-2node.yaml"));
        assertThat(example).contains("  password: { env: HVCLUSTER_PASSWORD }\n");
        // And with one-way CHAP, so connect-storage delivers the CHAP secret through $HvcSecrets too.
        assertThat(example).contains("\nhosts:\n");
        Files.writeString(taskInventory, example.replace("  password: { env: HVCLUSTER_PASSWORD }\n",
                "  password: { env: HVCLUSTER_PASSWORD }\n  secondHop: task\n")
                .replace("\nhosts:\n", "\nstorage:\n  kind: iscsi\n  targets: [ { portals: [10.20.1.100] } ]\n"
                        + "  chap: { username: hvcl01, secret: { env: HVCLUSTER_CHAP_SECRET } }\nhosts:\n"));
        String inv = taskInventory.toString();
        String state = tmp.resolve("sim").toString();
        String runs = tmp.resolve("runs").toString();
        Map<String, Integer> exits = new LinkedHashMap<>();
        run(tmp, exits, CANARY, "validate", "-v", inv);
        run(tmp, exits, CANARY, "validate", inv, "--online", "--simulate-fresh", "--simulator-state", state, "--runs-dir", runs, "-q");
        run(tmp, exits, CANARY, "facts", inv, "--simulate", "--simulator-state", state, "-q");
        run(tmp, exits, CANARY, "facts", inv, "--simulate", "--simulator-state", state);
        run(tmp, exits, CANARY, "facts", inv, "--simulate", "--simulator-state", state, "-v");
        run(tmp, exits, CANARY, "plan", inv, "--simulate", "--simulator-state", state, "--runs-dir", runs);
        run(tmp, exits, CANARY, "apply", inv, "--simulate", "--simulator-state", state, "--runs-dir", runs, "--yes", "-v");
        run(tmp, exits, CANARY, "apply", inv, "--simulate", "--simulator-state", state, "--runs-dir", runs, "--yes", "-q");
        run(tmp, exits, CANARY, "apply", inv, "--dry-run", "--runs-dir", runs, "-v");
        run(tmp, exits, CANARY, "render", inv, "--out", tmp.resolve("bundle").toString(), "-v");
        run(tmp, exits, CANARY, "capacity", "inventories/lab-4node.yaml", "-v");
        run(tmp, exits, CANARY, "simulate", inv, "--simulator-state", state, "--for", "2", "-v");
        // Failing runs: hosts whose domain was built with another password; the run's password is refused by AD.
        String other = tmp.resolve("sim-other").toString();
        run(tmp, exits, OTHER, "plan", inv, "--simulate-fresh", "--simulator-state", other, "--runs-dir", runs, "-q");
        run(tmp, exits, CANARY, "apply", inv, "--simulate", "--simulator-state", other, "--runs-dir", runs, "--yes");
        run(tmp, exits, CANARY, "apply", inv, "--simulate", "--simulator-state", other, "--runs-dir", runs, "--yes",
                "--skip-preflight", "-v");
        // -vv: the WinRM traffic on the console and in run.log, on a fresh build that sends the password (second hop).
        run(tmp, exits, CANARY, "apply", inv, "--simulate-fresh", "--simulator-state", tmp.resolve("sim-vv").toString(), "--runs-dir", runs,
                "--yes", "-vv");
        run(tmp, exits, CANARY, "facts", inv, "--simulate", "--simulator-state", tmp.resolve("sim-vv").toString(), "-vv");
        // The commands added since: verify (its probe and report), unlock (its scripts), init (its probe, the file).
        run(tmp, exits, CANARY, "verify", inv, "--simulate", "--simulator-state", tmp.resolve("sim-vv").toString(), "--runs-dir", runs, "-v");
        run(tmp, exits, CANARY, "unlock", inv, "--simulate", "--simulator-state", tmp.resolve("sim-vv").toString(), "--yes", "-v");
        run(tmp, exits, CANARY, "init", "--simulate", "--hosts", "HV01,HV02", "--out", tmp.resolve("init.yaml").toString(), "-v");

        assertThat(exits).as("exit codes").containsEntry("07 apply", 0).containsEntry("06 plan", 0)
                .containsEntry("12 simulate", 0);
        assertThat(exits.get("14 apply")).as("the failing run").isNotZero();
        assertThat(exits.get("15 apply")).as("the failing run without preflight").isNotZero();
        assertThat(Files.readString(tmp.resolve("15.log"))).as("the run sent the password and the domain refused it")
                .contains("The user name or password is incorrect");
        assertThat(Files.readString(tmp.resolve("07.log"))).contains("the hosts accept the password from HVCLUSTER_PASSWORD");
        assertThat(exits).containsEntry("16 apply", 0).containsEntry("17 facts", 0);
        assertThat(exits).as("verify, unlock and init ran").containsEntry("18 verify", 0).containsEntry("19 unlock", 0)
                .containsEntry("20 init", 0);
        assertThat(Files.readString(tmp.resolve("16.log"))).as("-vv shows the traffic, credentials masked")
                .contains(">> POST /wsman HTTP/1.1", "Authorization: Basic ****");

        List<Path> files;
        try (Stream<Path> walk = Files.walk(tmp)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("what the runs wrote")
                .anySatisfy(f -> assertThat(f.getFileName().toString()).isEqualTo("journal.jsonl"))
                .anySatisfy(f -> assertThat(f.getFileName().toString()).isEqualTo("run.log"))
                .anySatisfy(f -> assertThat(f.getFileName().toString()).isEqualTo("report.html"))
                .anySatisfy(f -> assertThat(f.getFileName().toString()).isEqualTo("RUNBOOK.md"))
                .anySatisfy(f -> assertThat(f.getFileName().toString()).isEqualTo("simulated-datacenter.json"))
                .anySatisfy(f -> assertThat(f.toString()).contains("create-cluster").endsWith(".ps1"));
        Map<String, String> needles = new LinkedHashMap<>();
        needles.putAll(forms(CANARY));
        needles.putAll(forms(OTHER));
        forms(CHAP).forEach((form, needle) -> needles.put("CHAP " + form, needle));
        assertThat(Files.readString(tmp.resolve("07.log"))).as("connect-storage logged on with CHAP")
                .contains("connect-storage");
        for (Path f : files) {
            String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            needles.forEach((form, needle) -> assertThat(bytes).as("%s holds the password %s", f, form).doesNotContain(needle));
        }
    }

    /** The cloud witness's storage account key (issue 12 item 3): a second secret, from its own variable. */
    static final String KEY_CANARY = "Kq'Wt\"5\\Az-90c2-Cloud-Key-Canary==";

    @Test
    void noCommandLeaksTheCloudWitnessKeyInAnyForm(@TempDir Path tmp) throws Exception {
        Path inventory = tmp.resolve("lab-2node-cloud.yaml");
        String example = Files.readString(Path.of("inventories/lab-2node.yaml"));
        String witness = "  witness: { label: Witness, serial: WITNESS-01, sizeMB: 1024 }\n";
        assertThat(example).contains(witness);
        Files.writeString(inventory, example.replace(witness,
                "  cloudWitness: { accountName: hvclwitness, accessKey: { env: HVCLUSTER_WITNESS_KEY } }\n"));
        String inv = inventory.toString();
        String state = tmp.resolve("sim").toString();
        String runs = tmp.resolve("runs").toString();
        Map<String, String> env = Map.of("HVCLUSTER_PASSWORD", CANARY, "HVCLUSTER_WITNESS_KEY", KEY_CANARY);
        Map<String, Integer> exits = new LinkedHashMap<>();
        runWith(tmp, exits, env, "validate", "-v", inv);
        runWith(tmp, exits, env, "plan", inv, "--simulate-fresh", "--simulator-state", state, "--runs-dir", runs, "-v");
        runWith(tmp, exits, env, "apply", inv, "--simulate", "--simulator-state", state, "--runs-dir", runs, "--yes", "-v");
        runWith(tmp, exits, env, "facts", inv, "--simulate", "--simulator-state", state, "-v");
        runWith(tmp, exits, env, "apply", inv, "--dry-run", "--runs-dir", runs, "-v");
        runWith(tmp, exits, env, "render", inv, "--out", tmp.resolve("bundle").toString(), "-v");
        assertThat(exits).as("exit codes").containsEntry("01 validate", 0).containsEntry("03 apply", 0).containsEntry("04 facts", 0);
        assertThat(Files.readString(tmp.resolve("03.log"))).as("the cloud witness was set with the key")
                .contains("quorum witness set to the cloud witness on storage account hvclwitness");

        List<Path> files;
        try (Stream<Path> walk = Files.walk(tmp)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).anySatisfy(f -> assertThat(f.toString()).contains("configure-quorum").endsWith(".ps1"));
        Map<String, String> needles = forms(KEY_CANARY);
        for (Path f : files) {
            String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            needles.forEach((form, needle) -> assertThat(bytes).as("%s holds the cloud witness key %s", f, form).doesNotContain(needle));
        }
    }

    private static void runWith(Path tmp, Map<String, Integer> exits, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        String n = String.format("%02d", exits.size() + 1);
        Process p = HvclusterProcess.start(tmp.resolve(n + ".log"), env, args);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("hvcluster %s finished", String.join(" ", args)).isTrue();
        exits.put(n + " " + args[0], p.exitValue());
    }

    @Test
    void theSearchFindsThePasswordInEachFormWhereverItStarts() {
        for (int offset = 0; offset < 3; offset++) {
            String prefix = "x".repeat(offset);
            String psQuoted = CANARY.replace("'", "''");
            List<String> payloads = List.of(prefix + CANARY, "{\"p\":\"" + json(psQuoted) + "\"}",
                    Base64.getEncoder().encodeToString((prefix + CANARY + "tail").getBytes(StandardCharsets.UTF_8)),
                    Base64.getEncoder().encodeToString(("$p = '" + prefix + psQuoted + "'").getBytes(StandardCharsets.UTF_16LE)),
                    new String((prefix + CANARY).getBytes(StandardCharsets.UTF_16LE), StandardCharsets.ISO_8859_1));
            for (String payload : payloads) {
                assertThat(forms(CANARY).values()).as(payload).anySatisfy(n -> assertThat(payload).contains(n));
                assertThat(forms(OTHER).values()).as(payload).allSatisfy(n -> assertThat(payload).doesNotContain(n));
            }
        }
    }

    private static void run(Path tmp, Map<String, Integer> exits, String password, String... args)
            throws IOException, InterruptedException {
        String n = String.format("%02d", exits.size() + 1);
        Process p = HvclusterProcess.start(tmp.resolve(n + ".log"), Map.of("HVCLUSTER_PASSWORD", password,
                "HVCLUSTER_CHAP_SECRET", CHAP), args);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("hvcluster %s finished", String.join(" ", args)).isTrue();
        exits.put(n + " " + args[0], p.exitValue());
    }

    /** Every form the password may take in a file, as the ISO-8859-1 view of its bytes. */
    static Map<String, String> forms(String secret) {
        Map<String, String> forms = new LinkedHashMap<>();
        String psQuoted = secret.replace("'", "''");
        forms.put("plain", secret);
        forms.put("PowerShell-quoted", psQuoted);
        forms.put("JSON-escaped", json(secret));
        forms.put("PowerShell-quoted, then JSON-escaped", json(psQuoted));
        forms.put("UTF-16LE", new String(secret.getBytes(StandardCharsets.UTF_16LE), StandardCharsets.ISO_8859_1));
        List<String> b64 = new ArrayList<>(base64(secret.getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < b64.size(); i++) {
            forms.put("base64 (alignment " + i + ")", b64.get(i));
        }
        List<String> b64le = base64(secret.getBytes(StandardCharsets.UTF_16LE));
        for (int i = 0; i < b64le.size(); i++) {
            forms.put("UTF-16LE base64 (alignment " + i + ")", b64le.get(i));
        }
        List<String> quotedB64 = base64(psQuoted.getBytes(StandardCharsets.UTF_16LE));
        for (int i = 0; i < quotedB64.size(); i++) {
            forms.put("PowerShell-quoted UTF-16LE base64 (alignment " + i + ")", quotedB64.get(i));
        }
        return forms;
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /**
     * The base64 text of {@code bytes} wherever they start in a longer payload: for each of the three alignments,
     * the characters that depend on these bytes only (the first and the last, partial groups left out).
     */
    static List<String> base64(byte[] bytes) {
        List<String> out = new ArrayList<>();
        for (int pad = 0; pad < 3; pad++) {
            byte[] padded = new byte[pad + bytes.length];
            System.arraycopy(bytes, 0, padded, pad, bytes.length);
            String encoded = Base64.getEncoder().encodeToString(padded);
            int start = pad == 0 ? 0 : 4;
            int end = (padded.length / 3) * 4;
            out.add(encoded.substring(start, end));
        }
        return out;
    }
}

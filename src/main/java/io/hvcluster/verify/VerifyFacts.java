package io.hvcluster.verify;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;

/**
 * What the verify probe found on one node (templates/verify/probe.ps1.vm); field names are its JSON keys, one to one.
 *
 * @param volumes    every CSV as this node reaches it
 * @param vms        the VMs this node runs
 * @param validation the last validation this node recorded or left a report of
 */
public record VerifyFacts(String probe, String computerName, List<SectionError> errors, List<Volume> volumes, List<Vm> vms,
        Validation validation) {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public VerifyFacts {
        errors = errors == null ? List.of() : List.copyOf(errors);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        vms = vms == null ? List.of() : List.copyOf(vms);
        validation = validation == null ? new Validation("", "") : validation;
    }

    public record SectionError(String section, String message) {
    }

    /** @param stateInfo Get-ClusterSharedVolumeState's StateInfo for this node: Direct, FileSystemRedirected, BlockRedirected */
    public record Volume(String name, String path, boolean reachable, String stateInfo, String ownerNode) {
        public boolean redirected() {
            return stateInfo != null && stateInfo.endsWith("Redirected");
        }
    }

    public record Vm(String name, String state, boolean clustered, String notes, String guestOs, boolean dynamicMac) {
    }

    /** @param outcome "passed", "warnings", "failed" when recorded; "unknown" for a report alone; "" for none */
    public record Validation(String report, String outcome) {
    }

    /** @throws IllegalArgumentException when the answer is not the probe's document */
    public static VerifyFacts parse(String host, JsonNode json) {
        try {
            VerifyFacts f = JSON.treeToValue(json, VerifyFacts.class);
            if (!"verify".equals(f.probe())) {
                throw new IllegalArgumentException(host + ": the verify probe's answer is not a verify document");
            }
            return f;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(host + ": cannot read the verify probe's answer: " + e.getOriginalMessage(), e);
        }
    }
}

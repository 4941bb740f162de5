package io.hvcluster.sim.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hvcluster.bundle.RunLockScripts;
import io.hvcluster.facts.FactsProbe;
import io.hvcluster.facts.PreflightProbe;
import io.hvcluster.render.ScriptHeader;
import io.hvcluster.secrets.Secret;
import io.hvcluster.verify.BurnInScripts;
import io.hvcluster.verify.VerifyProbe;
import java.time.Duration;
import java.time.Instant;
import io.hvcluster.pipeline.Phase;
import io.hvcluster.pipeline.Pipeline;
import io.hvcluster.pipeline.Step;
import io.hvcluster.steps.ConfigureAddressesStep;
import io.hvcluster.steps.ConfigureClusterNetworksStep;
import io.hvcluster.steps.ConfigureQuorumStep;
import io.hvcluster.steps.ConnectStorageStep;
import io.hvcluster.steps.CreateClusterStep;
import io.hvcluster.steps.CreateVirtualSwitchesStep;
import io.hvcluster.steps.EnableHyperVStep;
import io.hvcluster.steps.FinalValidationStep;
import io.hvcluster.steps.HostSettingsStep;
import io.hvcluster.steps.InstallFailoverClusteringStep;
import io.hvcluster.steps.PrepareSharedDisksStep;
import io.hvcluster.steps.StandardPipeline;
import io.hvcluster.steps.UnbindProtocolsStep;
import io.hvcluster.steps.ValidateClusterStep;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * "Runs" a script on a simulated host. The simulator is not a PowerShell interpreter: it reads the
 * {@code # hvcluster-step:} and {@code # hvcluster-params:} header hvcluster puts on every script, finds the
 * step's effect, deserializes the parameters into the step's own record and applies the effect to the model
 * with the template's guards. Anything else fails with exit code 1 and says why.
 */
public final class ScriptRunner {

    public static final String NOT_AN_INTERPRETER =
            "it models Windows state for hvcluster's own scripts; it is not a PowerShell interpreter";

    static final ObjectMapper RESULT_JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final ObjectMapper PARAMS = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final SimulatedDatacenter dc;
    /** The steps whose scripts the simulator runs: the pipeline is the registry. */
    private final Pipeline pipeline = StandardPipeline.create();
    /**
     * Scripts that do more than their plan's operations: a restart and the wait for it, a validation run and its
     * report, a cluster formed across nodes. Every other phase is a {@link PlannedEffect}.
     */
    private final Map<EffectKey, StepEffect<?>> custom = new HashMap<>();
    /** hvcluster verify --burn-in's scripts, by phase (not pipeline steps). */
    private final Map<String, StepEffect<?>> burnIn = new HashMap<>();

    private record EffectKey(Class<?> step, Phase.Kind kind) {
    }

    public ScriptRunner(SimulatedDatacenter dc) {
        this.dc = dc;
        custom(ConfigureAddressesStep.class, Phase.Kind.APPLY, RoleNamedAdaptersEffect.of(new ConfigureAddressesStep(),
                p -> p.addresses().stream().map(ConfigureAddressesStep.StaticAddress::adapter).toList()));
        custom(UnbindProtocolsStep.class, Phase.Kind.APPLY, RoleNamedAdaptersEffect.of(new UnbindProtocolsStep(),
                UnbindProtocolsStep.Params::adapters));
        custom(ConnectStorageStep.class, Phase.Kind.APPLY, new ConnectStorageEffect());
        custom(ConnectStorageStep.class, Phase.Kind.AFTER_REBOOT, new AfterStorageRebootEffect());
        custom(InstallFailoverClusteringStep.class, Phase.Kind.APPLY, new InstallFailoverClusteringEffect());
        custom(PrepareSharedDisksStep.class, Phase.Kind.APPLY, new PrepareSharedDisksEffect());
        custom(ValidateClusterStep.class, Phase.Kind.APPLY, new ValidateClusterEffect());
        custom(CreateClusterStep.class, Phase.Kind.APPLY, new CreateClusterEffect());
        custom(ConfigureQuorumStep.class, Phase.Kind.APPLY, new ConfigureQuorumEffect());
        custom(EnableHyperVStep.class, Phase.Kind.APPLY, new EnableHyperVEffect());
        custom(EnableHyperVStep.class, Phase.Kind.AFTER_REBOOT, new AfterHyperVRebootEffect());
        custom(CreateVirtualSwitchesStep.class, Phase.Kind.APPLY, new CreateVirtualSwitchesEffect());
        custom(ConfigureClusterNetworksStep.class, Phase.Kind.APPLY, new ConfigureClusterNetworksEffect());
        custom(HostSettingsStep.class, Phase.Kind.APPLY, new HostSettingsEffect());
        custom(FinalValidationStep.class, Phase.Kind.APPLY, new FinalValidationEffect());
        burnIn.put("prepare", new BurnInEffects.Prepare());
        burnIn.put("migrate", new BurnInEffects.Migrate());
        burnIn.put("move-volume", new BurnInEffects.MoveVolume());
        burnIn.put("drain", new BurnInEffects.Drain());
        burnIn.put("cleanup", new BurnInEffects.Cleanup());
    }

    private void custom(Class<? extends Step<?>> step, Phase.Kind kind, StepEffect<?> effect) {
        custom.put(new EffectKey(step, kind), effect);
    }

    /** Whether the simulator models the script of this step's phase (PipelineCompletenessTest walks the pipeline with it). */
    public boolean models(String stepId, String phase) {
        return effect(stepId, phase).isPresent();
    }

    private Optional<StepEffect<?>> effect(String stepId, String phase) {
        if (stepId.equals(BurnInScripts.ID)) {
            return Optional.ofNullable(burnIn.get(phase));
        }
        Optional<Step<?>> step = pipeline.step(stepId);
        Optional<Phase> ph = step.flatMap(s -> s.phases().stream().filter(p -> p.name().equals(phase)).findFirst());
        if (ph.isEmpty()) {
            return Optional.empty();
        }
        StepEffect<?> own = custom.get(new EffectKey(step.get().getClass(), ph.get().kind()));
        if (own != null) {
            return Optional.of(own);
        }
        return ph.get().kind() == Phase.Kind.APPLY ? Optional.of(planned(step.get())) : Optional.empty();
    }

    private static <P extends Record> StepEffect<P> planned(Step<P> step) {
        return new PlannedEffect<>(step);
    }

    public SimulatedDatacenter datacenter() {
        return dc;
    }

    /**
     * @param hostName the host the script runs on (which must be up: callers check reachability)
     * @param script   the script text as the host received it
     * @param secrets  the values the executor delivered for $HvcSecrets
     * @param now      the simulated time at which the script starts
     */
    public ScriptOutcome run(String hostName, String script, Map<String, Secret> secrets, Instant now) {
        return run(hostName, script, secrets, SessionLogon.BASIC, now);
    }

    /** As {@link #run(String, String, Map, Instant)}, in the given WinRM logon. */
    public ScriptOutcome run(String hostName, String script, Map<String, Secret> secrets, SessionLogon logon, Instant now) {
        synchronized (dc) {
            dc.settle(now);
            WindowsHost host = dc.requireHost(hostName);
            Duration start = dc.latencies().powerShellStart();
            Optional<ScriptHeader.Parsed> header = ScriptHeader.parse(script);
            if (header.isEmpty()) {
                return ScriptOutcome.failure(unknown("this script has no hvcluster header (# hvcluster-step / # hvcluster-params), so the simulator does not know it"), start);
            }
            ScriptHeader.Parsed h = header.get();
            dc.clusterOf(host.name).ifPresent(dc::refreshNetworks);
            if (h.stepId().equals(FactsProbe.ID) && h.phase().equals("probe")) {
                return probe(host, h, start);
            }
            if (h.stepId().equals(PreflightProbe.ID) && h.phase().equals("probe")) {
                StepRun probeRun = new StepRun(dc, host, h.stepId(), h.phase(), script, Map.copyOf(secrets), now);
                probeRun.logon = logon;
                return preflight(probeRun, h, start);
            }
            if (h.stepId().equals(VerifyProbe.ID) && h.phase().equals("probe")) {
                return verify(host, h, start);
            }
            if (h.stepId().equals(RunLockScripts.ID)) {
                return new RunLockFile(host).run(h, start);
            }
            StepEffect<?> effect = effect(h.stepId(), h.phase()).orElse(null);
            if (effect == null) {
                return ScriptOutcome.failure(unknown("the simulator has no effect for step '" + h.stepId() + "' phase '" + h.phase() + "'"), start);
            }
            StepRun run = new StepRun(dc, host, h.stepId(), h.phase(), script, Map.copyOf(secrets), now);
            run.logon = logon;
            run.spend(start);
            return execute(run, effect, h);
        }
    }

    private <P extends Record> ScriptOutcome execute(StepRun run, StepEffect<P> effect, ScriptHeader.Parsed h) {
        P params;
        try {
            params = PARAMS.treeToValue(h.params(), effect.paramsType());
        } catch (JsonProcessingException e) {
            return ScriptOutcome.failure(unknown("the parameters of step '" + h.stepId() + "' do not match "
                    + effect.paramsType().getName() + ": " + e.getOriginalMessage()), run.spent);
        }
        String error = null;
        String injected = run.host.faults.failingSteps.get(h.stepId());
        try {
            if (injected != null) {
                throw new StepFailure(injected);
            }
            effect.apply(run, params);
        } catch (StepFailure f) {
            error = f.getMessage();
            run.stderr.add("error: " + error);
            run.restartAfter = Optional.empty();
        }
        dc.clusterOf(run.host.name).ifPresent(dc::refreshNetworks);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("step", run.stepId);
        result.put("phase", run.phase);
        result.put("host", run.host.name);
        result.put("changed", !run.changes.isEmpty());
        result.put("changes", run.changes);
        result.put("warnings", run.warnings);
        result.put("data", run.data);
        result.put("error", error);
        String json;
        try {
            json = RESULT_JSON.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String stderr = run.stderr.isEmpty() ? "" : String.join("\r\n", run.stderr) + "\r\n";
        return new ScriptOutcome(error == null ? 0 : 1, json + "\r\n", stderr, run.spent, run.restartAfter);
    }

    private ScriptOutcome probe(WindowsHost host, ScriptHeader.Parsed h, Duration start) {
        FactsProbe.Params params;
        try {
            params = PARAMS.treeToValue(h.params(), FactsProbe.Params.class);
        } catch (JsonProcessingException e) {
            return ScriptOutcome.failure(unknown("the facts probe's parameters do not match FactsProbe.Params: " + e.getOriginalMessage()), start);
        }
        String json = asciiJson(new FactsSnapshot(dc, host).json(params));
        return new ScriptOutcome(0, json + "\r\n", "", start, Optional.empty());
    }

    private ScriptOutcome verify(WindowsHost host, ScriptHeader.Parsed h, Duration start) {
        VerifyProbe.Params params;
        try {
            params = PARAMS.treeToValue(h.params(), VerifyProbe.Params.class);
            return new ScriptOutcome(0, asciiJson(RESULT_JSON.writeValueAsString(VerifySnapshot.of(dc, host, params.validationReportPrefix()))) + "\r\n",
                    "", start, Optional.empty());
        } catch (JsonProcessingException e) {
            return ScriptOutcome.failure(unknown("the verify probe's parameters do not match VerifyProbe.Params: " + e.getOriginalMessage()), start);
        }
    }

    private ScriptOutcome preflight(StepRun run, ScriptHeader.Parsed h, Duration start) {
        PreflightProbe.Params params;
        try {
            params = PARAMS.treeToValue(h.params(), PreflightProbe.Params.class);
        } catch (JsonProcessingException e) {
            return ScriptOutcome.failure(unknown("the preflight probe's parameters do not match PreflightProbe.Params: " + e.getOriginalMessage()), start);
        }
        String json = asciiJson(new PreflightSnapshot(run).json(params));
        String stderr = run.stderr.isEmpty() ? "" : String.join("\r\n", run.stderr) + "\r\n";
        return new ScriptOutcome(0, json + "\r\n", stderr, start, Optional.empty());
    }

    /**
     * Every non-ASCII character as \\uXXXX, as the real scripts' ConvertTo-HvcJson does (templates/_lib/prologue.ps1.vm):
     * WinRM shells run in code page 437, where "Connexion réseau 4" would arrive as "Connexion r?seau 4".
     */
    static String asciiJson(String json) {
        StringBuilder sb = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c < 0x80) {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    static String unknown(String why) {
        return "hvcluster simulator: " + why + " (" + NOT_AN_INTERPRETER + ")\r\n";
    }
}

package io.hvcluster.sim.winrm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Several simulated hosts started together (one endpoint and port each), closed together. */
public final class SimulatedHosts implements AutoCloseable {

    private final Map<String, SimulatedEndpoint> endpoints;

    private SimulatedHosts(Map<String, SimulatedEndpoint> endpoints) {
        this.endpoints = Collections.unmodifiableMap(endpoints);
    }

    /** Starts every host; HTTPS hosts share one generated certificate. Stops those started if one fails. */
    public static SimulatedHosts start(List<SimulatedHostConfig> configs) {
        SimulatorCertificate certificate = configs.stream().anyMatch(SimulatedHostConfig::https)
                ? SimulatorCertificate.generate() : null;
        Map<String, SimulatedEndpoint> started = new LinkedHashMap<>();
        try {
            for (SimulatedHostConfig c : configs) {
                if (started.containsKey(c.hostName())) {
                    throw new IllegalArgumentException("simulated host " + c.hostName() + " is listed twice");
                }
                started.put(c.hostName(), SimulatedEndpoint.start(c, certificate));
            }
        } catch (RuntimeException e) {
            started.values().forEach(SimulatedEndpoint::close);
            throw e;
        }
        return new SimulatedHosts(started);
    }

    public Optional<SimulatedEndpoint> endpoint(String hostName) {
        return Optional.ofNullable(endpoints.get(hostName));
    }

    public List<SimulatedEndpoint> endpoints() {
        return new ArrayList<>(endpoints.values());
    }

    @Override
    public void close() {
        endpoints.values().forEach(SimulatedEndpoint::close);
    }
}

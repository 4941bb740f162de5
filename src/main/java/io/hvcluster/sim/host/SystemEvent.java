package io.hvcluster.sim.host;

/** One entry of a host's System event log. Levels as Windows numbers them: 1 critical, 2 error, 3 warning, 4 information. */
public final class SystemEvent {
    public long timeMillis;
    public int id;
    public String provider;
    public int level;
    public String message;

    public SystemEvent() {
    }

    public SystemEvent(long timeMillis, int id, String provider, int level, String message) {
        this.timeMillis = timeMillis;
        this.id = id;
        this.provider = provider;
        this.level = level;
        this.message = message;
    }
}

package io.hvcluster.sim.winrm;

/** A command started by a {@link CommandHandler}: it takes stdin and can be stopped. */
public interface RunningCommand {

    /**
     * Bytes from one {@code Send} request. {@code end} is true when the client marked the stream ended, which
     * OverThere never does.
     */
    void stdin(byte[] bytes, boolean end);

    /** Signal terminate / ctrl_c, shell deletion or a reboot: stop without reporting further output. */
    void terminate();
}

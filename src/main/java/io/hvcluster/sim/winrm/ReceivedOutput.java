package io.hvcluster.sim.winrm;

import java.util.List;
import java.util.OptionalInt;

/**
 * What one Receive returns: output chunks in the order they were written, and the exit code once the command
 * is done and every byte has been read.
 */
record ReceivedOutput(List<OutputChunk> chunks, OptionalInt exitCode) {

    boolean timedOut() {
        return chunks.isEmpty() && exitCode.isEmpty();
    }
}

package io.hvcluster.sim.winrm;

/** Bytes a command wrote to one stream, waiting for a Receive. */
record OutputChunk(String stream, byte[] bytes) {
}

package io.hvcluster.inventory.load;

import io.hvcluster.inventory.check.Problem;

/** A place in the inventory file and the YAML path that names it; problems are reported against it. */
record Anchor(String path, int line, int column) {

    Anchor child(String key) {
        return new Anchor(path.isEmpty() ? key : path + "." + key, line, column);
    }

    Anchor withPath(String newPath) {
        return new Anchor(newPath, line, column);
    }

    Problem error(String message) {
        return Problem.error(path, line, column, message);
    }

    Problem warning(String message) {
        return Problem.warning(path, line, column, message);
    }

    /** "line 12", for messages that point at an earlier occurrence. */
    String lineText() {
        return "line " + line;
    }
}

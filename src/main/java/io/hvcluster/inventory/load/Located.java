package io.hvcluster.inventory.load;

import io.hvcluster.inventory.check.Problem;

/** A value read from the inventory together with where it was written. */
record Located<T>(T value, Anchor at) {

    String path() {
        return at.path();
    }

    Problem error(String message) {
        return at.error(message);
    }

    Problem warning(String message) {
        return at.warning(message);
    }

    <U> Located<U> with(U newValue) {
        return new Located<>(newValue, at);
    }

    /** The value, or {@code fallback} when the field was absent or unreadable. */
    static <T> T valueOr(Located<T> located, T fallback) {
        return located == null ? fallback : located.value();
    }
}

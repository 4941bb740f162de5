package io.hvcluster.estimate;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Map;

/** Hand-computable profiles for tests: every figure zero except the ones named (by record component). */
final class Profiles {

    private Profiles() {
    }

    static HardwareProfile zeroExcept(Map<String, Duration> typical, boolean secondRestart) {
        RecordComponent[] parts = HardwareProfile.class.getRecordComponents();
        Object[] args = new Object[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
            if (parts[i].getType() == boolean.class) {
                args[i] = secondRestart;
            } else {
                Duration d = typical.getOrDefault(parts[i].getName(), Duration.ZERO);
                args[i] = new Figure(parts[i].getName(), d, d, d, "test");
            }
        }
        try {
            Constructor<HardwareProfile> c = HardwareProfile.class.getDeclaredConstructor(types);
            return c.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}

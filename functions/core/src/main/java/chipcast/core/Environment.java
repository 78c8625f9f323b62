package chipcast.core;

import java.util.Map;

/** Reads a function's configuration (table names from template.yaml's Environment) by name. */
public final class Environment {
    private Environment() {
    }

    public static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set (see template.yaml)");
        }
        return value;
    }
}

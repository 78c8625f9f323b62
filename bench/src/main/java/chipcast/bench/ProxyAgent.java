package chipcast.bench;

import java.lang.instrument.Instrumentation;
import java.util.HashSet;
import java.util.Set;

/** A java agent for the SnapStart proxy's child JVM: the names of every class loaded so far. */
public final class ProxyAgent {
    private static volatile Instrumentation instrumentation;

    private ProxyAgent() {
    }

    public static void premain(String args, Instrumentation inst) {
        instrumentation = inst;
    }

    static Set<String> loaded() {
        Set<String> names = new HashSet<>();
        if (instrumentation != null) {
            for (Class<?> c : instrumentation.getAllLoadedClasses()) {
                names.add(c.getName());
            }
        }
        return names;
    }
}

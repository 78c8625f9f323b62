package chipcast.bench.coldstart;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold start in a fresh JVM, on a function's deployment jar: the handler's no-arg constructor (what
 * the Lambda runtime calls), then one invocation with an events/ file. Prints System.nanoTime marks,
 * which share CLOCK_MONOTONIC with the parent that launched this JVM, so the parent can time the JVM's
 * own start too. Kept tiny: JDK classes and the Lambda interfaces. Every subject is a RequestStreamHandler and
 * gets the event file's bytes, as the runtime hands them over.
 *
 * <p>Usage: ColdStart handlerClass eventFile
 */
public final class ColdStart {
    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        long main = System.nanoTime();
        Class<?> type = Class.forName(args[0]);
        Object handler = type.getConstructor().newInstance();
        long init = System.nanoTime();
        // Every subject is a stream handler: the runtime hands it the event's bytes and runs no serialiser.
        byte[] bytes = Files.readAllBytes(Path.of(args[1]));
        long parsed = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((RequestStreamHandler) handler).handleRequest(new ByteArrayInputStream(bytes), out, new ColdStartContext());
        long invoked = System.nanoTime();
        Object result = out.toString(StandardCharsets.UTF_8);
        String cpu = processCpuTicks();
        String text = String.valueOf(result);
        System.out.println("RESULT " + (text.length() > 300 ? text.substring(0, 300) : text));
        // Read after the last mark: how many classes the cold start loaded (the management classes come after).
        System.out.println("CLASSES " + ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
        System.out.println("OBJECTMAPPER " + loaded(handler.getClass().getClassLoader(), "com.fasterxml.jackson.databind.ObjectMapper"));
        System.out.println("COLDSTART " + main + " " + init + " " + parsed + " " + invoked);
        System.out.println("CPUTICKS " + cpu);
        System.out.println("STORE " + ColdStartStoreTime.NANOS.get() + " " + ColdStartStoreTime.CALLS.get());
    }

    /**
     * User plus system CPU time of the whole JVM so far (every thread: JIT, GC, the handler), in clock ticks,
     * from /proc/self/stat: what a Lambda with less than one vCPU (1024 MB) pays in time, and much less
     * disturbed than wall time by whatever else runs on this machine. "?" where there is no /proc.
     */
    static String processCpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is the state (field 3 of the man page): utime and stime are fields 14 and 15.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) + "";
        } catch (Exception e) {
            return "?";
        }
    }

    /**
     * Whether the cold start loaded a class, asked without loading it (ClassLoader.findLoadedClass; the
     * benchmark opens java.lang for it). The functions must not build databind's ObjectMapper.
     */
    static boolean loaded(ClassLoader loader, String name) throws Exception {
        Method find = ClassLoader.class.getDeclaredMethod("findLoadedClass", String.class);
        find.setAccessible(true);
        return find.invoke(loader, name) != null;
    }
}

package chipcast.bench.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
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
 * own start too. Kept tiny: JDK classes, the Lambda interfaces, and the Lambda runtime's own event serialiser
 * (aws-lambda-java-serialization, next to it on the classpath), which reads POJO handlers' events as the runtime
 * does. A RequestStreamHandler gets the event file's bytes, as the runtime hands them over, and no serialiser runs.
 *
 * <p>Usage: ColdStart handlerClass eventFile
 */
public final class ColdStart {
    private ColdStart() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        long main = System.nanoTime();
        Class<?> type = Class.forName(args[0]);
        Object handler = type.getConstructor().newInstance();
        long init = System.nanoTime();
        Object result;
        long parsed;
        long invoked;
        if (handler instanceof RequestStreamHandler stream) {
            byte[] bytes = Files.readAllBytes(Path.of(args[1]));
            parsed = System.nanoTime();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            stream.handleRequest(new ByteArrayInputStream(bytes), out, null);
            invoked = System.nanoTime();
            result = out.toString(StandardCharsets.UTF_8);
        } else {
            String json = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
            Class<?> input = inputType(type);
            Object event = runtimeSerializer() ? ColdStartRuntime.read(json, input) : ColdStartJackson.read(json, input);
            parsed = System.nanoTime();
            result = ((RequestHandler) handler).handleRequest(event, null);
            invoked = System.nanoTime();
        }
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

    /** True when the Lambda runtime's serialiser is on the classpath (bench/run.sh puts it there). */
    static boolean runtimeSerializer() {
        try {
            Class.forName("com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers", false,
                    ColdStart.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The event type of handleRequest(event, Context), as the Lambda runtime finds it. */
    static Class<?> inputType(Class<?> type) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals("handleRequest") && m.getParameterCount() == 2 && !m.isBridge()
                    && m.getParameterTypes()[1] == Context.class) {
                return m.getParameterTypes()[0];
            }
        }
        throw new IllegalStateException(type + " has no handleRequest(event, Context)");
    }
}

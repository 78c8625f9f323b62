package chipcast.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/** Invokes a handler with a JSON event, reading and writing JSON the way the Lambda Java runtime does. */
public final class Invoker {
    private Invoker() {
    }

    /** The event type a handler's handleRequest takes (its RequestHandler type argument). */
    public static Class<?> inputType(Object handler) {
        for (Method m : handler.getClass().getMethods()) {
            if (m.getName().equals("handleRequest") && m.getParameterCount() == 2 && !m.isBridge()
                    && m.getParameterTypes()[1] == Context.class) {
                return m.getParameterTypes()[0];
            }
        }
        throw new IllegalStateException(handler.getClass() + " has no handleRequest(event, Context)");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object parseEvent(Object handler, String json) {
        Class type = inputType(handler);
        PojoSerializer serializer = LambdaEventSerializers.serializerFor(type, Invoker.class.getClassLoader());
        return serializer.fromJson(json);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object invoke(Object handler, Object event, Context context) {
        return ((RequestHandler) handler).handleRequest(event, context);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static String toJson(Object value) {
        if (value == null) {
            return "null";
        }
        PojoSerializer serializer = LambdaEventSerializers.serializerFor(value.getClass(), Invoker.class.getClassLoader());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}

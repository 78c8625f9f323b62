package chipcast.bench.coldstart;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

/**
 * Reads an event the way the Lambda Java runtime does: its serialiser (with its own shaded Jackson) for
 * the handler's input type, loading event classes and Joda-Time from the function's class loader.
 */
final class ColdStartRuntime {
    private ColdStartRuntime() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object read(String json, Class<?> type) {
        PojoSerializer serializer = LambdaEventSerializers.serializerFor((Class) type, ColdStart.class.getClassLoader());
        return serializer.fromJson(json);
    }
}

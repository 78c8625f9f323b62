package chipcast.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Invokes a function's handler the way the Lambda Java runtime invokes a stream handler (every ChipCast
 * function is one): the event's bytes in, the answer's bytes out. The local server and tests build API
 * Gateway events as objects; those are written with the runtime's own event serialiser, so the bytes carry
 * API Gateway's field names, and the answer is read back into an APIGatewayV2HTTPResponse.
 */
public final class Invoker {
    private Invoker() {
    }

    /** An API Gateway event file read the way the runtime's serialiser reads one (tests vary its fields). */
    public static APIGatewayV2HTTPEvent apiEvent(String json) {
        return serializer(APIGatewayV2HTTPEvent.class).fromJson(json);
    }

    /**
     * One invocation: an APIGatewayV2HTTPEvent in gives an APIGatewayV2HTTPResponse out; any other event (bytes,
     * a string, a map) gives the answer's JSON read as maps and lists.
     */
    public static Object invoke(Object handler, Object event, Context context) {
        byte[] answer = invokeRaw(handler, bytes(event), context);
        try {
            if (event instanceof APIGatewayV2HTTPEvent) {
                return serializer(APIGatewayV2HTTPResponse.class).fromJson(new ByteArrayInputStream(answer));
            }
            return answer.length == 0 ? null : LocalJson.MAPPER.readValue(answer, Object.class);
        } catch (IOException e) {
            throw new IllegalStateException("the function answered with bytes that are not JSON: "
                    + new String(answer, StandardCharsets.UTF_8), e);
        }
    }

    /** A stream handler's answer to the given event bytes, as the runtime returns it. */
    public static byte[] invokeRaw(Object handler, byte[] event, Context context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ((RequestStreamHandler) handler).handleRequest(new ByteArrayInputStream(event), out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An event object as JSON bytes: API Gateway events through the runtime's serialiser, the rest as plain JSON. */
    public static byte[] bytes(Object event) {
        if (event instanceof byte[] raw) {
            return raw;
        }
        if (event instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (event instanceof APIGatewayV2HTTPEvent api) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            serializer(APIGatewayV2HTTPEvent.class).toJson(api, out);
            return out.toByteArray();
        }
        try {
            return LocalJson.MAPPER.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the event as JSON", e);
        }
    }

    private static <T> PojoSerializer<T> serializer(Class<T> type) {
        return LambdaEventSerializers.serializerFor(type, Invoker.class.getClassLoader());
    }
}

package chipcast.bench.coldstart;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * A global SDK interceptor (listed in a software/amazon/awssdk/global/handlers/execution.interceptors file
 * that only the cold-start benchmark puts on the child's classpath): the time from each DynamoDB call's
 * beforeExecution to its end, marshalling, signing, HTTP and unmarshalling included. It splits a cold
 * start into what the SDK's calls cost and what the function itself adds.
 */
public final class ColdStartStoreTimer implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> START = new ExecutionAttribute<>("chipcast.coldstart.start");

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(START, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        end(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        end(attributes);
    }

    private static void end(ExecutionAttributes attributes) {
        Long start = attributes.getAttribute(START);
        if (start != null) {
            ColdStartStoreTime.NANOS.addAndGet(System.nanoTime() - start);
            ColdStartStoreTime.CALLS.incrementAndGet();
        }
    }
}

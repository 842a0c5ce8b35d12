package ru.parus.platform.consumer;

import java.sql.SQLException;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import ru.parus.platform.events.EventHandlers;
import ru.parus.platform.events.PoisonEventException;

/**
 * Retries a consumer's invocation after a transient failure. Its priority puts it outside {@code @Transactional}
 * (which runs at {@code PLATFORM_BEFORE + 200}), so each attempt is a new transaction: the failed one, inbox row
 * included, was rolled back. A {@link PoisonEventException} is not retried (no retry can fix the record); nor is
 * anything after {@code parus.consumer.retry.max-attempts}: then the channel's failure strategy (dead-letter topic)
 * takes over, so a record that keeps failing cannot stop its partition for ever. The partition waits meanwhile,
 * which keeps the order of its events. Logged without exception messages: SQL errors quote the values of the row.
 */
@RetryTransientFailures
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class TransientFailureRetry {
    private static final Logger LOG = Logger.getLogger(TransientFailureRetry.class);

    @Inject
    ConsumerRetryConfig config;
    @Inject
    MeterRegistry registry;

    @AroundInvoke
    Object retry(InvocationContext ctx) throws Exception {
        String consumer = consumerOf(ctx);
        long backoff = config.initialBackoff().toMillis();
        for (int attempt = 1;; attempt++) {
            try {
                return ctx.proceed();
            } catch (Exception e) {
                if (isPoison(e) || attempt >= config.maxAttempts()) {
                    throw e;
                }
                registry.counter("parus.consumer.retries", "consumer", consumer).increment();
                LOG.warnf("%s failed (attempt %d of %d: %s), retrying in %d ms", consumer, attempt,
                        config.maxAttempts(), describe(e), backoff);
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, config.maxBackoff().toMillis());
            }
        }
    }

    /** The inbox's consumer name when the call applies an event ({@link ConsumerTransactions}), else the class. */
    private static String consumerOf(InvocationContext ctx) {
        Object[] parameters = ctx.getParameters();
        if (parameters.length > 0 && parameters[0] instanceof EventHandlers handlers) {
            return handlers.consumer();
        }
        return ctx.getMethod().getDeclaringClass().getSimpleName();
    }

    static boolean isPoison(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PoisonEventException) {
                return true;
            }
        }
        return false;
    }

    /** Exception classes and SQLStates along the cause chain: enough to tell a deadlock from a lost connection. */
    static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null && out.length() < 300; t = t.getCause()) {
            if (out.length() > 0) {
                out.append(" <- ");
            }
            out.append(t.getClass().getSimpleName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                out.append(" SQLState ").append(sql.getSQLState());
            }
        }
        return out.toString();
    }
}

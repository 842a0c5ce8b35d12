package ru.parus.platform.consumer;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * On the method that applies one event ({@link ConsumerTransactions#one}): a failure that is not a
 * {@code PoisonEventException}
 * (a lost database connection, a deadlock, a unique-key race with another consumer) is retried in a new transaction
 * with backoff instead of sending a good event to the dead-letter topic. See {@link TransientFailureRetry}.
 */
@InterceptorBinding
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface RetryTransientFailures {
}

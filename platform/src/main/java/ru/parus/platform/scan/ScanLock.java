package ru.parus.platform.scan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.persistence.EntityManager;

/**
 * One replica at a time for a periodic set-based job (order-service's unpaid-order scan R15, customer-service's
 * dormancy scan R14, order-service's bought-together refresh R7): a PostgreSQL transaction-scoped advisory lock. It is
 * released when the caller's transaction ends, so the job runs in one transaction and asks first.
 *
 * <p>Called from a service's {@code repository} classes (the query text lives here, in platform, once). Each job has
 * its own key, any constant unique among the database's advisory locks (the outbox relay's is
 * {@code OutboxRelay.RELAY_LOCK}).
 */
public final class ScanLock {
    static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(?1)";

    private ScanLock() {
    }

    /**
     * Takes the lock {@code key} for the current transaction: true when taken (or already held by it), false when
     * another transaction holds it (another replica runs the job now). Never waits. Needs an active transaction.
     */
    public static boolean tryAcquire(EntityManager em, long key) {
        return Boolean.TRUE.equals(em.createNativeQuery(TRY_LOCK).setParameter(1, key).getSingleResult());
    }

    /** {@link #tryAcquire(EntityManager, long)} for a plain JDBC transaction (the outbox relay's): autocommit off. */
    public static boolean tryAcquire(Connection connection, long key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(TRY_LOCK.replace("?1", "?"))) {
            lock.setLong(1, key);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}

package ru.parus.order.config;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/**
 * The reactive PostgreSQL client's pool that places phone orders (issue 15: a placement without Hibernate's session
 * and the JTA transaction, its statements pipelined, on the event loop). It connects to the service's one database
 * with the JDBC settings ({@code quarkus.datasource.jdbc.url}, user, password), so a deployment configures the
 * database once.
 */
@ApplicationScoped
public class PlacementPool {
    private static final String JDBC_PREFIX = "jdbc:";

    @Produces
    @Singleton
    Pool placementPool(Vertx vertx, OrderConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        String uri = jdbcUrl.startsWith(JDBC_PREFIX) ? jdbcUrl.substring(JDBC_PREFIX.length()) : jdbcUrl;
        PgConnectOptions connect = PgConnectOptions.fromUri(uri)
                .setUser(user)
                .setPassword(password.orElse(""))
                .setCachePreparedStatements(true);
        PoolOptions pool = new PoolOptions().setMaxSize(config.placementPoolSize()).setName("order-placement");
        return Pool.newInstance(PgBuilder.pool().with(pool).connectingTo(connect).using(vertx.getDelegate()).build());
    }

    void close(@Disposes Pool pool) {
        pool.closeAndForget();
    }
}

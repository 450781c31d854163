package dev.hankosync.sandbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;

/**
 * Reuses JDBC connections between requests: opening one costs a few milliseconds, and a 2,500-row keyset scan or
 * a demo with thousands of inserts would spend most of its time there. At most one connection per server thread
 * is ever open, so no upper bound is needed.
 */
final class PgConnectionPool implements AutoCloseable {

    private final DataSource dataSource;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

    PgConnectionPool(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Connection borrow() throws SQLException {
        Connection connection;
        while ((connection = idle.poll()) != null) {
            if (!connection.isClosed()) {
                return connection;
            }
        }
        return dataSource.getConnection();
    }

    /** Hands a connection back; one left in a transaction or broken is closed instead. */
    void release(Connection connection) {
        try {
            if (connection.isClosed() || !connection.getAutoCommit()) {
                connection.close();
                return;
            }
        } catch (SQLException e) {
            return;
        }
        idle.offer(connection);
    }

    @Override
    public void close() {
        Connection connection;
        while ((connection = idle.poll()) != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }
}

package dev.hankosync.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Opens the one connection a run uses: autocommit off (every batch is one transaction, and pgJDBC streams a result
 * only inside a transaction), read-only when asked. Through the driver directly rather than {@code DriverManager},
 * which would consult every driver registered in the JVM.
 */
final class DatabaseConnections {

    private DatabaseConnections() {
    }

    /**
     * @param readOnly every transaction begins {@code READ ONLY}, so the server itself refuses any write (the dry
     *                 run's second guard). pgJDBC's "transaction" mode does it per transaction, which also holds
     *                 behind a transaction pooler, where session settings would leak to other clients.
     */
    static Connection open(DatabaseUrl url, boolean readOnly, DatabaseErrors errors) {
        Properties properties = url.connectionProperties();
        if (readOnly) {
            properties.setProperty("readOnly", "true");
            properties.setProperty("readOnlyMode", "transaction");
        }
        Connection connection;
        try {
            connection = new Driver().connect(url.jdbcUrl(), properties);
            if (connection == null) {
                throw new IllegalStateException("pgJDBC did not accept its own URL form " + url.jdbcUrl());
            }
        } catch (SQLException e) {
            throw errors.cannotConnect(e);
        }
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(readOnly);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw errors.cannotConnect(e);
        }
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing is best effort: the server ends the session when the socket goes
        }
    }
}

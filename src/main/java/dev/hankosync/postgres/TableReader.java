package dev.hankosync.postgres;

import dev.hankosync.supabase.TableRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads every row of the table, handing them on in chunks of {@code pageSize}.
 *
 * <p>Directly or through a session pooler: one query streamed with a fetch size inside one transaction (one
 * snapshot, no offset paging, constant memory on the driver side). Behind a transaction pooler that would need a
 * named portal, which does not survive there (pgjdbc#869), so instead keyset pages of {@link #KEYSET_PAGE_ROWS}
 * rows, each one short transaction without a fetch size.
 */
final class TableReader {

    static final int KEYSET_PAGE_ROWS = 10_000;

    private final TableSql sql;
    private final boolean transactionPooled;

    TableReader(TableSql sql, boolean transactionPooled) {
        this.sql = sql;
        this.transactionPooled = transactionPooled;
    }

    /**
     * Runs inside the caller's transaction handling: commits after each query, leaves rollback on failure to it.
     *
     * @return the number of queries sent
     */
    int readAll(Connection connection, int pageSize, Consumer<List<TableRow>> sink) throws SQLException {
        return transactionPooled ? readKeysetPages(connection, pageSize, sink) : readStreaming(connection, pageSize, sink);
    }

    private int readStreaming(Connection connection, int pageSize, Consumer<List<TableRow>> sink) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.selectAll())) {
            statement.setFetchSize(pageSize);
            try (ResultSet result = statement.executeQuery()) {
                List<TableRow> chunk = new ArrayList<>(pageSize);
                while (result.next()) {
                    chunk.add(row(result));
                    if (chunk.size() == pageSize) {
                        sink.accept(chunk);
                        chunk = new ArrayList<>(pageSize);
                    }
                }
                if (!chunk.isEmpty()) {
                    sink.accept(chunk);
                }
            }
        }
        connection.commit();
        return 1;
    }

    private int readKeysetPages(Connection connection, int pageSize, Consumer<List<TableRow>> sink)
            throws SQLException {
        int limit = Math.max(KEYSET_PAGE_ROWS, pageSize);
        int queries = 0;
        String lastId = null;
        while (true) {
            List<TableRow> page = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql.selectPage(lastId != null, limit))) {
                if (lastId != null) {
                    statement.setString(1, lastId);
                }
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        page.add(row(result));
                    }
                }
            }
            connection.commit();
            queries++;
            for (int from = 0; from < page.size(); from += pageSize) {
                sink.accept(page.subList(from, Math.min(page.size(), from + pageSize)));
            }
            // Unlike PostgREST, LIMIT is exact here: a short page is the last one.
            if (page.size() < limit) {
                return queries;
            }
            lastId = page.get(page.size() - 1).rowId();
        }
    }

    private static TableRow row(ResultSet result) throws SQLException {
        return new TableRow(result.getString(1), result.getString(2), result.getString(3));
    }
}

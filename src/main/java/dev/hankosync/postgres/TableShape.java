package dev.hankosync.postgres;

import java.util.List;
import java.util.Optional;

/**
 * What the catalog says about the target table: enough to write type-correct SQL and to tell whether inserts can
 * rely on {@code ON CONFLICT}.
 *
 * @param oid                  the table's oid
 * @param kind                 {@code pg_class.relkind}: r table, p partitioned table, v view, f foreign table
 * @param columns              every column in table order
 * @param uniqueUserIdKey      the unique constraint (or, without one, the unique index) on exactly the user id
 *                             column that {@code ON CONFLICT (user_id)} can use; null when there is none
 * @param rowSecurity          whether row-level security is enabled on the table
 * @param forcedRowSecurity    whether it applies to the table's owner too
 * @param ownedByCurrentUser   whether the connected role owns the table (owners bypass unforced row security)
 */
record TableShape(long oid, String kind, List<Column> columns, String uniqueUserIdKey, boolean rowSecurity,
                  boolean forcedRowSecurity, boolean ownedByCurrentUser) {

    /**
     * @param type    as {@code format_type} prints it ({@code bigint}, {@code character varying(36)}), ready for a
     *                {@code cast(? as type)}
     * @param notNull whether the column is declared NOT NULL
     */
    record Column(String name, String type, boolean notNull) {}

    TableShape {
        columns = List.copyOf(columns);
    }

    Optional<Column> column(String name) {
        return columns.stream().filter(column -> column.name().equals(name)).findFirst();
    }
}

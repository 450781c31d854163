package dev.hankosync.sync;

import dev.hankosync.supabase.TableRow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The target table's rows, keyed by user id, in flat arrays rather than objects: a row costs about 60 bytes
 * (its user id as two longs, its row id as a long, its email as UTF-8 bytes in one shared pool), so a table of a
 * million rows is indexed in well under 100 MB.
 *
 * <p>Rows whose user id is not a UUID cannot belong to a Hanko user; they are kept aside as they are.
 */
final class TableIndex {

    private static final int NONE = -1;

    // open-addressing table: user id → first row of that user
    private long[] slotHi;
    private long[] slotLo;
    private int[] slotFirstRow; // NONE when the slot is empty
    private int slots;

    // rows, in the order read; a user's further rows are chained through nextRow
    private long[] rowHi = new long[1024];
    private long[] rowLo = new long[1024];
    private long[] rowIdNumber = new long[1024];
    private String[] rowIdText; // allocated on the first row id that is not a plain integer
    private int[] emailStart = new int[1024]; // NONE for a null email
    private int[] emailLength = new int[1024];
    private int[] nextRow = new int[1024];
    private boolean[] userMatched = new boolean[1024]; // on a user's first row
    private int rows;

    private byte[] emailPool = new byte[16 * 1024];
    private int emailPoolSize;

    private final List<TableRow> otherRows = new ArrayList<>();
    private final long[] key = new long[2];

    TableIndex() {
        slotHi = new long[2048];
        slotLo = new long[2048];
        slotFirstRow = new int[2048];
        Arrays.fill(slotFirstRow, NONE);
    }

    void add(TableRow row) {
        if (!UserKey.parse(row.userId(), key)) {
            otherRows.add(row);
            return;
        }
        if ((slots + 1) * 2 > slotFirstRow.length) {
            growSlots();
        }
        int r = appendRow(row, key[0], key[1]);
        int slot = slotOf(key[0], key[1]);
        if (slotFirstRow[slot] == NONE) {
            slotHi[slot] = key[0];
            slotLo[slot] = key[1];
            slotFirstRow[slot] = r;
            slots++;
        } else {
            int last = slotFirstRow[slot];
            while (nextRow[last] != NONE) {
                last = nextRow[last];
            }
            nextRow[last] = r;
        }
    }

    /** The first row of this user, or -1 when the user has none. */
    int firstRow(long hi, long lo) {
        return slotFirstRow[slotOf(hi, lo)];
    }

    /** The row after {@code row} of the same user, or -1. */
    int nextRowOfUser(int row) {
        return nextRow[row];
    }

    void markMatched(int firstRow) {
        userMatched[firstRow] = true;
    }

    boolean emailEquals(int row, String email) {
        if (email == null || emailStart[row] == NONE) {
            return email == null && emailStart[row] == NONE;
        }
        byte[] bytes = email.getBytes(StandardCharsets.UTF_8);
        return bytes.length == emailLength[row]
                && Arrays.equals(bytes, 0, bytes.length, emailPool, emailStart[row], emailStart[row] + bytes.length);
    }

    String email(int row) {
        return emailStart[row] == NONE ? null
                : new String(emailPool, emailStart[row], emailLength[row], StandardCharsets.UTF_8);
    }

    String rowId(int row) {
        return rowIdText != null && rowIdText[row] != null ? rowIdText[row] : Long.toString(rowIdNumber[row]);
    }

    TableRow row(int row) {
        return new TableRow(rowId(row), UserKey.format(rowHi[row], rowLo[row]), email(row));
    }

    int size() {
        return rows + otherRows.size();
    }

    /** Every row whose user was never matched by a Hanko user, and every row whose user id is not a UUID. */
    void forEachUnmatched(Consumer<TableRow> action) {
        for (int r = 0; r < rows; r++) {
            int first = firstRow(rowHi[r], rowLo[r]);
            if (!userMatched[first]) {
                action.accept(row(r));
            }
        }
        otherRows.forEach(action);
    }

    private int appendRow(TableRow row, long hi, long lo) {
        if (rows == rowHi.length) {
            int n = rows * 2;
            rowHi = Arrays.copyOf(rowHi, n);
            rowLo = Arrays.copyOf(rowLo, n);
            rowIdNumber = Arrays.copyOf(rowIdNumber, n);
            if (rowIdText != null) {
                rowIdText = Arrays.copyOf(rowIdText, n);
            }
            emailStart = Arrays.copyOf(emailStart, n);
            emailLength = Arrays.copyOf(emailLength, n);
            nextRow = Arrays.copyOf(nextRow, n);
            userMatched = Arrays.copyOf(userMatched, n);
        }
        int r = rows++;
        rowHi[r] = hi;
        rowLo[r] = lo;
        nextRow[r] = NONE;
        storeRowId(r, row.rowId());
        storeEmail(r, row.email());
        return r;
    }

    private void storeRowId(int r, String id) {
        if (id != null && !id.isEmpty() && id.length() < 19 && id.chars().allMatch(Character::isDigit)) {
            rowIdNumber[r] = Long.parseLong(id);
            return;
        }
        if (rowIdText == null) {
            rowIdText = new String[rowHi.length];
        }
        rowIdText[r] = id;
    }

    private void storeEmail(int r, String email) {
        if (email == null) {
            emailStart[r] = NONE;
            return;
        }
        byte[] bytes = email.getBytes(StandardCharsets.UTF_8);
        if (emailPoolSize + bytes.length > emailPool.length) {
            emailPool = Arrays.copyOf(emailPool, Math.max(emailPool.length * 2, emailPoolSize + bytes.length));
        }
        System.arraycopy(bytes, 0, emailPool, emailPoolSize, bytes.length);
        emailStart[r] = emailPoolSize;
        emailLength[r] = bytes.length;
        emailPoolSize += bytes.length;
    }

    /** The slot holding this user id, or the empty slot where it would go. */
    private int slotOf(long hi, long lo) {
        int mask = slotFirstRow.length - 1;
        int i = UserKey.hash(hi, lo) & mask;
        while (slotFirstRow[i] != NONE && (slotHi[i] != hi || slotLo[i] != lo)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void growSlots() {
        long[] oldHi = slotHi;
        long[] oldLo = slotLo;
        int[] oldFirst = slotFirstRow;
        int n = oldFirst.length * 2;
        slotHi = new long[n];
        slotLo = new long[n];
        slotFirstRow = new int[n];
        Arrays.fill(slotFirstRow, NONE);
        for (int i = 0; i < oldFirst.length; i++) {
            if (oldFirst[i] != NONE) {
                int slot = slotOf(oldHi[i], oldLo[i]);
                slotHi[slot] = oldHi[i];
                slotLo[slot] = oldLo[i];
                slotFirstRow[slot] = oldFirst[i];
            }
        }
    }
}

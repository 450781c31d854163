package dev.hankosync.sync;

import java.util.function.BiConsumer;

/** A set of user ids held as pairs of longs in one open-addressing table: about 32 bytes a user at most. */
final class UserKeySet {

    private long[] his;
    private long[] los;
    private boolean[] used;
    private int size;

    UserKeySet() {
        this(1024);
    }

    UserKeySet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        his = new long[capacity];
        los = new long[capacity];
        used = new boolean[capacity];
    }

    /** @return true when the id was not in the set yet */
    boolean add(long hi, long lo) {
        if ((size + 1) * 2 > used.length) {
            grow();
        }
        int mask = used.length - 1;
        for (int i = UserKey.hash(hi, lo) & mask; ; i = (i + 1) & mask) {
            if (!used[i]) {
                used[i] = true;
                his[i] = hi;
                los[i] = lo;
                size++;
                return true;
            }
            if (his[i] == hi && los[i] == lo) {
                return false;
            }
        }
    }

    boolean contains(long hi, long lo) {
        int mask = used.length - 1;
        for (int i = UserKey.hash(hi, lo) & mask; used[i]; i = (i + 1) & mask) {
            if (his[i] == hi && los[i] == lo) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return size;
    }

    void forEach(BiConsumer<Long, Long> action) {
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                action.accept(his[i], los[i]);
            }
        }
    }

    private void grow() {
        long[] oldHis = his;
        long[] oldLos = los;
        boolean[] oldUsed = used;
        his = new long[oldUsed.length * 2];
        los = new long[oldUsed.length * 2];
        used = new boolean[oldUsed.length * 2];
        size = 0;
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                add(oldHis[i], oldLos[i]);
            }
        }
    }
}

package dev.aisle.engine.serving.kv;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KvBlockPoolTest {

    @Test
    void allocatesUntilExhaustedAndFreesOnRelease() {
        KvBlockPool pool = new KvBlockPool(3, 4);
        int a = pool.allocate();
        int b = pool.allocate();
        int c = pool.allocate();
        assertEquals(0, pool.freeBlocks());
        IllegalStateException e = assertThrows(IllegalStateException.class, pool::allocate);
        assertTrue(e.getMessage().contains("3 blocks"));
        pool.release(b);
        assertEquals(1, pool.freeBlocks());
        pool.release(a);
        pool.release(c);
        assertTrue(pool.allFree());
        assertThrows(IllegalStateException.class, () -> pool.release(a));
    }

    @Test
    void sharesFullBlocksOfACommonPrefixAndLeavesTheLastTokenUncached() {
        KvBlockPool pool = new KvBlockPool(16, 4);
        int[] first = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        BlockTable t1 = new BlockTable();
        assertEquals(0, pool.attachCachedPrefix(t1, first));
        for (int i = 0; i < pool.blocksFor(first.length); i++) {
            t1.append(pool.allocate());
        }
        pool.publishFullBlocks(t1, first, first.length);
        assertEquals(2, pool.cachedBlocks());

        BlockTable t2 = new BlockTable();
        assertEquals(8, pool.attachCachedPrefix(t2, new int[]{1, 2, 3, 4, 5, 6, 7, 8, 42}));
        assertEquals(t1.block(0), t2.block(0));
        assertEquals(2, pool.refCount(t1.block(1)));

        // A prompt that is exactly the cached blocks still leaves its last token to compute.
        BlockTable t3 = new BlockTable();
        assertEquals(4, pool.attachCachedPrefix(t3, new int[]{1, 2, 3, 4, 5, 6, 7, 8}));

        // A different first block means no match even if the second block's tokens agree.
        BlockTable t4 = new BlockTable();
        assertEquals(0, pool.attachCachedPrefix(t4, new int[]{9, 2, 3, 4, 5, 6, 7, 8, 1}));

        pool.releaseAll(t1);
        pool.releaseAll(t2);
        pool.releaseAll(t3);
        assertTrue(pool.allFree());
        assertEquals(2, pool.cachedBlocks(), "released cached blocks stay cached until needed");
        assertTrue(pool.prefixHitRate() > 0);
    }

    @Test
    void recyclesNeverCachedBlocksFirstThenLeastRecentlyUsedCachedOnes() {
        KvBlockPool pool = new KvBlockPool(3, 2);
        BlockTable a = new BlockTable();
        a.append(pool.allocate());
        pool.publishFullBlocks(a, new int[]{1, 1}, 2);
        BlockTable b = new BlockTable();
        b.append(pool.allocate());
        pool.publishFullBlocks(b, new int[]{2, 2}, 2);
        int cachedA = a.block(0);
        int cachedB = b.block(0);
        pool.releaseAll(a);
        pool.releaseAll(b);
        int plain = pool.allocate();
        assertNotEquals(cachedA, plain);
        assertNotEquals(cachedB, plain);
        assertEquals(cachedA, pool.allocate(), "least recently released cached block is evicted first");
        assertEquals(1, pool.evictions());
        assertEquals(1, pool.cachedBlocks());
        BlockTable again = new BlockTable();
        assertEquals(0, pool.attachCachedPrefix(again, new int[]{1, 1, 7}), "evicted prefix no longer hits");
        assertEquals(2, pool.attachCachedPrefix(again, new int[]{2, 2, 7}));
    }

    @Test
    void rejectsBadArgumentsNamingTheValue() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new KvBlockPool(0, 4))
                .getMessage().contains("got 0"));
        KvBlockPool pool = new KvBlockPool(2, 4);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> pool.release(7))
                .getMessage().contains("got 7"));
    }
}

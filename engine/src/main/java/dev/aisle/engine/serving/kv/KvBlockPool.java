package dev.aisle.engine.serving.kv;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The paged KV cache's bookkeeping: which of a fixed number of fixed-size blocks are free, how
 * many sequences share each block, and which full blocks hold a known token prefix.
 *
 * <p>Prefix caching: a full block is keyed by a hash chain over the token ids of all blocks up to
 * and including it, so two requests that start with the same system prompt and the same evidence
 * share those blocks instead of computing them twice. A cached block whose last user leaves is not
 * wiped: it waits in an LRU list and is only recycled (oldest first) when no never-cached block is
 * free, so a later request with the same prefix can still hit it.
 *
 * <p>Not thread-safe: the scheduler thread owns it. Readers on other threads use the figures it
 * publishes in events.
 */
public final class KvBlockPool {

    /** Hash key of a full block: the chain hash plus the exact content, so collisions cannot alias. */
    private record BlockKey(long parentHash, int[] tokens, long hash) {
        @Override
        public boolean equals(Object o) {
            return o instanceof BlockKey k && k.hash == hash && k.parentHash == parentHash
                    && Arrays.equals(k.tokens, tokens);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(hash);
        }
    }

    private final int numBlocks;
    private final int blockSize;
    private final int[] refCount;
    private final BlockKey[] keyOfBlock;
    /** Blocks holding nothing worth keeping. */
    private final ArrayDeque<Integer> free = new ArrayDeque<>();
    /** Unreferenced blocks that still hold a cached prefix, least recently used first. */
    private final LinkedHashMap<Integer, Boolean> evictable = new LinkedHashMap<>();
    private final Map<BlockKey, Integer> cached = new HashMap<>();
    private long lookupTokens;
    private long hitTokens;
    private long evictions;

    public KvBlockPool(int numBlocks, int blockSize) {
        if (numBlocks <= 0) {
            throw new IllegalArgumentException("numBlocks must be > 0, got " + numBlocks);
        }
        if (blockSize <= 0) {
            throw new IllegalArgumentException("blockSize must be > 0, got " + blockSize);
        }
        this.numBlocks = numBlocks;
        this.blockSize = blockSize;
        this.refCount = new int[numBlocks];
        this.keyOfBlock = new BlockKey[numBlocks];
        for (int b = 0; b < numBlocks; b++) {
            free.add(b);
        }
    }

    public int numBlocks() {
        return numBlocks;
    }

    public int blockSize() {
        return blockSize;
    }

    /** Blocks that can be handed out now: never-cached free ones plus evictable cached ones. */
    public int freeBlocks() {
        return free.size() + evictable.size();
    }

    /** Blocks referenced by at least one sequence. */
    public int usedBlocks() {
        return numBlocks - freeBlocks();
    }

    public double usage() {
        return usedBlocks() / (double) numBlocks;
    }

    public int cachedBlocks() {
        return cached.size();
    }

    public int refCount(int block) {
        checkBlock(block);
        return refCount[block];
    }

    /** Blocks needed to hold {@code tokens} positions. */
    public int blocksFor(int tokens) {
        return (tokens + blockSize - 1) / blockSize;
    }

    /** Hands out a block with reference count 1; recycles the least recently used cached block if needed. */
    public int allocate() {
        int block;
        if (!free.isEmpty()) {
            block = free.poll();
        } else if (!evictable.isEmpty()) {
            var it = evictable.keySet().iterator();
            block = it.next();
            it.remove();
            cached.remove(keyOfBlock[block]);
            keyOfBlock[block] = null;
            evictions++;
        } else {
            throw new IllegalStateException("KV pool exhausted: all " + numBlocks + " blocks are in use");
        }
        refCount[block] = 1;
        return block;
    }

    /** Drops one reference; the block becomes free (or evictable, if it holds a cached prefix) at zero. */
    public void release(int block) {
        checkBlock(block);
        if (refCount[block] <= 0) {
            throw new IllegalStateException("block " + block + " released more often than acquired");
        }
        if (--refCount[block] == 0) {
            if (keyOfBlock[block] != null) {
                evictable.put(block, Boolean.TRUE);
            } else {
                free.add(block);
            }
        }
    }

    /** Releases every block of a table and empties it. */
    public void releaseAll(BlockTable table) {
        for (int i = table.size() - 1; i >= 0; i--) {
            release(table.block(i));
        }
        table.clear();
    }

    /**
     * Shares the cached full blocks that match the start of {@code tokens} into {@code table}
     * (which must be empty) and returns how many tokens they cover. At least one token is always
     * left uncached so the model still produces the logits that follow the prompt.
     */
    public int attachCachedPrefix(BlockTable table, int[] tokens) {
        if (table.size() != 0) {
            throw new IllegalStateException("prefix can only be attached to an empty block table, it has " + table.size());
        }
        int maxBlocks = (tokens.length - 1) / blockSize;
        lookupTokens += tokens.length;
        long parent = 0;
        int matched = 0;
        for (int i = 0; i < maxBlocks; i++) {
            int[] content = Arrays.copyOfRange(tokens, i * blockSize, (i + 1) * blockSize);
            long h = chain(parent, content);
            Integer block = cached.get(new BlockKey(parent, content, h));
            if (block == null) {
                break;
            }
            if (refCount[block] == 0) {
                evictable.remove(block);
            }
            refCount[block]++;
            table.appendShared(block, h);
            parent = h;
            matched++;
        }
        hitTokens += (long) matched * blockSize;
        return matched * blockSize;
    }

    /**
     * Registers the full blocks of {@code table} that {@code tokens} (the sequence's tokens whose
     * KV is computed) now fills, so that later requests can share them. A block whose content is
     * already cached elsewhere stays private.
     */
    public void publishFullBlocks(BlockTable table, int[] tokens, int computedTokens) {
        int full = Math.min(computedTokens / blockSize, table.size());
        for (int i = table.hashedBlocks(); i < full; i++) {
            long parent = i == 0 ? 0 : table.hash(i - 1);
            int[] content = Arrays.copyOfRange(tokens, i * blockSize, (i + 1) * blockSize);
            long h = chain(parent, content);
            BlockKey key = new BlockKey(parent, content, h);
            int block = table.block(i);
            if (keyOfBlock[block] == null && !cached.containsKey(key)) {
                cached.put(key, block);
                keyOfBlock[block] = key;
            }
            table.setHash(i, h);
        }
    }

    /** Share of looked-up prompt tokens that were served from cached blocks. */
    public double prefixHitRate() {
        return lookupTokens == 0 ? 0 : hitTokens / (double) lookupTokens;
    }

    public long prefixHitTokens() {
        return hitTokens;
    }

    public long prefixLookupTokens() {
        return lookupTokens;
    }

    public long evictions() {
        return evictions;
    }

    /** True when no block is referenced: what must hold once every request has ended. */
    public boolean allFree() {
        for (int r : refCount) {
            if (r != 0) {
                return false;
            }
        }
        return freeBlocks() == numBlocks;
    }

    private static long chain(long parent, int[] content) {
        long h = parent * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        for (int t : content) {
            h = (h ^ t) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return h;
    }

    private void checkBlock(int block) {
        if (block < 0 || block >= numBlocks) {
            throw new IllegalArgumentException("block id must be in [0, " + numBlocks + "), got " + block);
        }
    }
}

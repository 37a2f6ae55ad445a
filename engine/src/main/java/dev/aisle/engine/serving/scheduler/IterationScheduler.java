package dev.aisle.engine.serving.scheduler;

import dev.aisle.engine.serving.backend.Backend;
import dev.aisle.engine.serving.backend.BackendInfo;
import dev.aisle.engine.serving.backend.PaddingReporter;
import dev.aisle.engine.serving.backend.ScratchBlocks;
import dev.aisle.engine.serving.backend.StepInput;
import dev.aisle.engine.serving.backend.StepOutput;
import dev.aisle.engine.serving.kv.KvBlockPool;
import dev.aisle.engine.serving.metrics.IterationEvent;
import dev.aisle.engine.serving.metrics.RequestEvent;
import dev.aisle.engine.serving.metrics.RequestEvent.Kind;
import dev.aisle.engine.serving.metrics.ServingListener;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every iteration-level scheduler shares: the bounded queue, the KV pool, one backend step per
 * iteration, sampling, stop conditions, cancellation and deadlines, preemption by recompute and the
 * event stream. Subclasses decide only which sequences run in the next step and with how many
 * tokens ({@link #schedule()}).
 *
 * <p>All state below the inbox is touched only by the thread that calls {@link #step()}.
 */
public abstract class IterationScheduler implements ServingEngine {

    /** One sequence's share of the next step: {@code count} tokens from {@code seq.computed}. */
    protected record Scheduled(Sequence seq, int count) {
    }

    protected final Backend backend;
    protected final BackendInfo info;
    protected final SchedulerConfig config;
    protected final KvBlockPool pool;
    protected final ArrayDeque<Sequence> waiting = new ArrayDeque<>();
    /** Preempted sequences resume before new ones, oldest first. */
    protected final PriorityQueue<Sequence> preempted = new PriorityQueue<>(Comparator.comparingLong(s -> s.seqId));
    protected final List<Sequence> running = new ArrayList<>();

    private final ConcurrentLinkedQueue<Sequence> inbox = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Sequence> earlyFinishes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong nextSeqId = new AtomicLong();
    private final List<ServingListener> listeners = new CopyOnWriteArrayList<>();
    private final Object signal = new Object();
    private volatile boolean closed;
    private Thread thread;
    private long iteration;
    private int preemptedThisIteration;
    /** Padding slots of the step being planned; subclasses that pad add to it. */
    protected int paddingThisIteration;

    /** Blocks at the top of the backend's pool, outside {@link #pool}, that padding rows write to. */
    protected final ScratchBlocks scratch;

    protected IterationScheduler(Backend backend, SchedulerConfig config) {
        this(backend, config, 0);
    }

    /** Keeping {@code scratchBlocks} blocks out of the pool for padding rows (see {@link #paddingRows}). */
    protected IterationScheduler(Backend backend, SchedulerConfig config, int scratchBlocks) {
        this.backend = backend;
        this.info = backend.info();
        this.config = config;
        this.scratch = ScratchBlocks.atTopOf(info, scratchBlocks);
        this.pool = new KvBlockPool(info.numBlocks() - scratchBlocks, info.blockSize());
    }

    /**
     * Rows of pure padding to compute with the step just planned (a static-shape deployment computes
     * them; their cost belongs in the step time). They write only to {@link #scratch} and want no logits.
     */
    protected List<StepInput> paddingRows() {
        return List.of();
    }

    /** Decides the next step. May admit, preempt and allocate blocks; returns the sequences to run. */
    protected abstract List<Scheduled> schedule();

    public KvBlockPool pool() {
        return pool;
    }

    public SchedulerConfig config() {
        return config;
    }

    public BackendInfo backendInfo() {
        return info;
    }

    @Override
    public RequestHandle submit(GenerationRequest request, TokenListener listener) {
        long now = System.nanoTime();
        long seqId = nextSeqId.incrementAndGet();
        Sequence[] box = new Sequence[1];
        RequestHandle handle = new RequestHandle(request.id(), () -> {
            earlyFinishes.add(box[0]);
            wake();
        });
        int maxTokens = Math.min(request.maxTokens(), info.maxContext() - request.prompt().length);
        Sequence seq = new Sequence(seqId, request, handle, listener, now, Math.max(maxTokens, 1));
        box[0] = seq;
        String refusal = refusal(request, maxTokens);
        if (refusal.isEmpty()) {
            if (queued.incrementAndGet() > config.maxWaiting()) {
                queued.decrementAndGet();
                refusal = "queue full: " + config.maxWaiting() + " requests already waiting (maxWaiting="
                        + config.maxWaiting() + ")";
            }
        }
        if (closed) {
            refusal = "engine is closed";
        }
        if (!refusal.isEmpty()) {
            emit(new RequestEvent(request.id(), Kind.QUEUED, now, request.prompt().length, ""));
            complete(seq, FinishReason.REJECTED, refusal);
            return handle;
        }
        pending.incrementAndGet();
        inbox.add(seq);
        wake();
        return handle;
    }

    private String refusal(GenerationRequest request, int maxTokens) {
        int p = request.prompt().length;
        if (maxTokens <= 0) {
            return "prompt of request " + request.id() + " has " + p + " tokens; the model's context holds "
                    + info.maxContext();
        }
        int need = pool.blocksFor(p + maxTokens);
        if (need > pool.numBlocks()) {
            return "request " + request.id() + " needs " + need + " KV blocks (prompt " + p + " + max tokens "
                    + maxTokens + ") but the pool has " + pool.numBlocks();
        }
        for (int t : request.prompt()) {
            if (t < 0 || t >= info.vocabSize()) {
                return "request " + request.id() + ": prompt token id " + t + " outside vocabulary [0, "
                        + info.vocabSize() + ")";
            }
        }
        return "";
    }

    @Override
    public void addListener(ServingListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ServingListener listener) {
        listeners.remove(listener);
    }

    @Override
    public int pending() {
        return pending.get();
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException(name() + " scheduler already started");
        }
        thread = new Thread(this::loop, "aisle-" + name() + "-scheduler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (!closed) {
            boolean worked;
            try {
                worked = step();
            } catch (RuntimeException e) {
                failRunning("scheduler failed: " + e);
                worked = false;
            }
            if (!worked) {
                synchronized (signal) {
                    if (inbox.isEmpty() && earlyFinishes.isEmpty() && !closed) {
                        try {
                            signal.wait(20);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            }
        }
    }

    private void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    @Override
    public boolean step() {
        long t0 = System.nanoTime();
        drainInbox();
        endEarlyFinishes();
        endExpired(t0);
        preemptedThisIteration = 0;
        paddingThisIteration = 0;
        List<Scheduled> plan = schedule();
        if (plan.isEmpty()) {
            return false;
        }
        List<StepInput> inputs = new ArrayList<>(plan.size());
        int prefillTokens = 0;
        int decodeTokens = 0;
        for (Scheduled s : plan) {
            Sequence q = s.seq();
            boolean wantLogits = q.computed + s.count() == q.length();
            inputs.add(new StepInput(q.seqId, q.slice(q.computed, s.count()), q.computed, q.blocks.toArray(), wantLogits));
            if (isDecode(s)) {
                decodeTokens++;
            } else {
                prefillTokens += s.count();
            }
        }
        inputs.addAll(paddingRows());
        long t1 = System.nanoTime();
        StepOutput out;
        try {
            out = backend.step(inputs);
        } catch (RuntimeException e) {
            for (Scheduled s : plan) {
                finish(s.seq(), FinishReason.ERROR, "backend " + info.name() + " failed: " + e);
            }
            return true;
        }
        long t2 = System.nanoTime();
        if (backend instanceof PaddingReporter padded) {
            paddingThisIteration += padded.lastStepPaddingTokens();
        }
        applyStep(plan, out, t2);
        long t3 = System.nanoTime();
        emit(new IterationEvent(++iteration, t0, (t1 - t0) + (t3 - t2), t2 - t1, running.size(),
                waiting.size() + preempted.size(), preemptedThisIteration, plan.size(), prefillTokens,
                decodeTokens, paddingThisIteration, pool.usedBlocks(), pool.usage(), pool.prefixHitRate()));
        return true;
    }

    private static boolean isDecode(Scheduled s) {
        Sequence q = s.seq();
        return s.count() == 1 && q.outputCount() > 0 && q.uncomputed() == 1;
    }

    private void applyStep(List<Scheduled> plan, StepOutput out, long now) {
        for (int i = 0; i < plan.size(); i++) {
            Scheduled s = plan.get(i);
            Sequence q = s.seq();
            boolean decode = isDecode(s);
            q.computed += s.count();
            if (q.computed / pool.blockSize() > q.blocks.hashedBlocks()) {
                pool.publishFullBlocks(q.blocks, q.tokens(), q.computed);
            }
            if (!decode) {
                q.prefillChunks++;
                emit(new RequestEvent(q.request.id(), Kind.PREFILL_CHUNK, now, s.count(), ""));
            }
            if (q.computed < q.length()) {
                continue;
            }
            float[] row = out.logits() == null || i >= out.logits().length ? null : out.logits()[i];
            if (row == null || row.length != info.vocabSize()) {
                finish(q, FinishReason.ERROR, "backend " + info.name() + " returned no logits row of length "
                        + info.vocabSize() + " for sequence " + q.seqId);
                continue;
            }
            // A decoding constraint is the request's own code (evidence-bound grammars): when it throws,
            // that request ends with an error and the rest of the batch goes on.
            try {
                q.request.constraint().mask(row);
            } catch (RuntimeException e) {
                finish(q, FinishReason.ERROR, "decoding constraint failed: " + e);
                continue;
            }
            int token = q.sampler.next(row);
            int index = q.outputCount();
            if (q.firstTokenNanos == 0) {
                q.firstTokenNanos = now;
                emit(new RequestEvent(q.request.id(), Kind.FIRST_TOKEN, now, index, ""));
            } else {
                emit(new RequestEvent(q.request.id(), Kind.TOKEN, now, index, ""));
            }
            if (isStop(q, token)) {
                finish(q, FinishReason.STOP, "");
                continue;
            }
            q.append(token);
            try {
                q.request.constraint().accept(token);
            } catch (RuntimeException e) {
                finish(q, FinishReason.ERROR, "decoding constraint failed: " + e);
                continue;
            }
            try {
                q.listener.onToken(token, index, now);
            } catch (RuntimeException e) {
                finish(q, FinishReason.ERROR, "token listener failed: " + e);
                continue;
            }
            if (q.outputCount() >= q.maxTokens) {
                finish(q, FinishReason.LENGTH, "");
            }
        }
    }

    private boolean isStop(Sequence q, int token) {
        if (token == config.endTokenId()) {
            return true;
        }
        for (int t : q.request.stopTokens()) {
            if (t == token) {
                return true;
            }
        }
        return false;
    }

    private void drainInbox() {
        for (Sequence s; (s = inbox.poll()) != null; ) {
            waiting.add(s);
            emit(new RequestEvent(s.request.id(), Kind.QUEUED, s.submittedNanos, s.request.prompt().length, ""));
        }
    }

    private void endEarlyFinishes() {
        for (Sequence s; (s = earlyFinishes.poll()) != null; ) {
            if (!s.finished) {
                finish(s, s.handle.earlyFinish(), "");
            }
        }
    }

    private void endExpired(long now) {
        List<Sequence> expired = new ArrayList<>();
        for (Sequence s : waiting) {
            if (now > s.deadlineNanos) {
                expired.add(s);
            }
        }
        for (Sequence s : preempted) {
            if (now > s.deadlineNanos) {
                expired.add(s);
            }
        }
        for (Sequence s : running) {
            if (now > s.deadlineNanos) {
                expired.add(s);
            }
        }
        for (Sequence s : expired) {
            finish(s, FinishReason.DEADLINE, "deadline passed after "
                    + s.request.timeout().map(Object::toString).orElse("?"));
        }
    }

    /** Moves a queued sequence into the batch. */
    protected void admit(Sequence s, long now) {
        if (!preempted.remove(s)) {
            waiting.remove(s);
            queued.decrementAndGet();
        }
        running.add(s);
        if (s.admittedNanos == 0) {
            s.admittedNanos = now;
            s.cachedPromptTokens = s.computed;
        }
        emit(new RequestEvent(s.request.id(), Kind.ADMITTED, now, s.computed, ""));
    }

    /**
     * Makes sure the blocks for positions {@code 0 .. upTo-1} are in the table; false (and nothing
     * allocated) when the pool cannot supply them.
     */
    protected boolean ensureBlocks(Sequence s, int upTo) {
        int need = pool.blocksFor(upTo) - s.blocks.size();
        if (need <= 0) {
            return true;
        }
        if (need > pool.freeBlocks()) {
            return false;
        }
        for (int i = 0; i < need; i++) {
            s.blocks.append(pool.allocate());
        }
        return true;
    }

    /** Preemption by recompute: the sequence gives back all blocks and will be prefilled again. */
    protected void preempt(Sequence s) {
        running.remove(s);
        pool.releaseAll(s.blocks);
        s.computed = 0;
        s.preemptions++;
        preempted.add(s);
        preemptedThisIteration++;
        emit(new RequestEvent(s.request.id(), Kind.PREEMPTED, System.nanoTime(), s.length(), ""));
    }

    protected boolean isRunning(Sequence s) {
        return !s.finished && running.contains(s);
    }

    private void finish(Sequence s, FinishReason reason, String detail) {
        if (s.finished) {
            return;
        }
        if (running.remove(s) || preempted.remove(s)) {
            pending.decrementAndGet();
        } else if (waiting.remove(s)) {
            queued.decrementAndGet();
            pending.decrementAndGet();
        } else if (inbox.remove(s)) {
            queued.decrementAndGet();
            pending.decrementAndGet();
        }
        pool.releaseAll(s.blocks);
        complete(s, reason, detail);
        onFinished(s);
    }

    /** Hook for subclasses that track batches. */
    protected void onFinished(Sequence s) {
    }

    private void complete(Sequence s, FinishReason reason, String detail) {
        s.finished = true;
        long now = System.nanoTime();
        GenerationResult r = new GenerationResult(s.request.id(), s.output(), reason, detail,
                s.request.prompt().length, s.cachedPromptTokens, s.preemptions, s.prefillChunks,
                s.submittedNanos, s.admittedNanos, s.firstTokenNanos, now);
        emit(new RequestEvent(s.request.id(), Kind.FINISHED, now, s.outputCount(),
                detail.isEmpty() ? reason.wireName() : reason.wireName() + ": " + detail));
        for (ServingListener l : listeners) {
            l.onResult(r);
        }
        s.handle.complete(r);
    }

    private void failRunning(String why) {
        for (Sequence s : new ArrayList<>(running)) {
            finish(s, FinishReason.ERROR, why);
        }
    }

    protected void emit(IterationEvent e) {
        for (ServingListener l : listeners) {
            l.onIteration(e);
        }
    }

    protected void emit(RequestEvent e) {
        for (ServingListener l : listeners) {
            l.onRequest(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        wake();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        drainInbox();
        List<Sequence> left = new ArrayList<>(running);
        left.addAll(preempted);
        left.addAll(waiting);
        for (Sequence s : left) {
            finish(s, FinishReason.CANCELLED, "engine closed");
        }
    }
}

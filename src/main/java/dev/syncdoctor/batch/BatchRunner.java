package dev.syncdoctor.batch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The ordered pipeline: the calling thread takes inputs one by one and hands each to a pool of workers,
 * keeping at most {@code window} inputs in flight; it then takes the results back in input order and
 * passes each input's records to the sink. Output order is input order whatever the number of threads, and
 * memory is bounded by the window, not by the number of inputs.
 *
 * <p>Every input gives its records, even when its evaluation never returns (a rule consequence that loops
 * inside Java, out of the engine's reach): after {@code stuckAfter} the input is recorded as invalid and a
 * fresh worker replaces the stuck one, so the batch goes on.
 */
public final class BatchRunner {
    private final int threads;
    private final int window;
    private final Duration stuckAfter;

    public BatchRunner(int threads, int window, Duration stuckAfter) {
        if (threads < 1 || window < 1) {
            throw new IllegalArgumentException("threads and window must be at least 1");
        }
        this.threads = threads;
        this.window = window;
        this.stuckAfter = stuckAfter;
    }

    /** Runs every input; returns the number of records passed to the sink. */
    public long run(Iterator<? extends BatchInput> inputs, Function<BatchInput, List<BatchRecord>> evaluate,
                    BiFunction<BatchInput, String, BatchRecord> failed, Consumer<List<BatchRecord>> sink) {
        AtomicInteger ids = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "batch-" + ids.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        ArrayDeque<Job> inFlight = new ArrayDeque<>(window);
        long records = 0;
        try {
            while (inputs.hasNext()) {
                Job job = new Job(inputs.next(), evaluate);
                pool.execute(job);
                inFlight.add(job);
                if (inFlight.size() >= window) {
                    records += emit(inFlight.poll(), pool, failed, sink);
                }
            }
            while (!inFlight.isEmpty()) {
                records += emit(inFlight.poll(), pool, failed, sink);
            }
        } finally {
            for (Job j : inFlight) {
                j.cancel(true);
            }
            pool.shutdownNow();
        }
        return records;
    }

    private long emit(Job job, ThreadPoolExecutor pool, BiFunction<BatchInput, String, BatchRecord> failed,
                      Consumer<List<BatchRecord>> sink) {
        List<BatchRecord> out = await(job, pool, failed);
        sink.accept(out);
        return out.size();
    }

    private List<BatchRecord> await(Job job, ThreadPoolExecutor pool, BiFunction<BatchInput, String, BatchRecord> failed) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return job.get(200, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    long started = job.startedNanos;
                    if (started != 0 && System.nanoTime() - started > stuckAfter.toNanos()) {
                        job.cancel(true);
                        // The stuck thread may never come back: give the pool a fresh one.
                        synchronized (pool) {
                            pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
                            pool.setCorePoolSize(pool.getCorePoolSize() + 1);
                        }
                        return List.of(failed.apply(job.input, "evaluation did not finish within "
                                + stuckAfter.toMillis() + " ms and was abandoned (a rule that never returns?)"));
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    // The evaluator catches what it expects; this is a bug or an Error.
                    return List.of(failed.apply(job.input, "internal error: " + e.getCause()));
                } catch (CancellationException e) {
                    return List.of(failed.apply(job.input, "evaluation was cancelled"));
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One input's evaluation, remembering when a worker started it. */
    private static final class Job extends FutureTask<List<BatchRecord>> {
        final BatchInput input;
        volatile long startedNanos;

        Job(BatchInput input, Function<BatchInput, List<BatchRecord>> evaluate) {
            super(() -> evaluate.apply(input));
            this.input = input;
        }

        @Override
        public void run() {
            startedNanos = System.nanoTime();
            super.run();
        }
    }
}

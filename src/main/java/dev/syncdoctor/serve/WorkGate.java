package dev.syncdoctor.serve;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the work in flight: at most {@code maxConcurrent} requests evaluate at once and at most
 * {@code maxQueued} more wait for a slot. A request past both is refused at once with 503 and
 * Retry-After, so a flood costs the server nothing but the refusal.
 */
final class WorkGate {
    private final Semaphore slots;
    private final int capacity;
    private final AtomicInteger admitted = new AtomicInteger();
    private final Duration maxWait;

    WorkGate(int maxConcurrent, int maxQueued, Duration maxWait) {
        this.slots = new Semaphore(maxConcurrent, true);
        this.capacity = maxConcurrent + maxQueued;
        this.maxWait = maxWait;
    }

    /** A held slot; close it to give it back. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits for a slot, or throws a 503 when the queue is full or the wait is too long. */
    Slot enter() {
        if (admitted.incrementAndGet() > capacity) {
            admitted.decrementAndGet();
            throw new ApiError(503, "the server is busy: too many requests in progress; retry shortly", 1);
        }
        boolean acquired = false;
        try {
            acquired = slots.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!acquired) {
                admitted.decrementAndGet();
            }
        }
        if (!acquired) {
            throw new ApiError(503, "the server is busy: no evaluation slot became free in time; retry shortly", 2);
        }
        return () -> {
            slots.release();
            admitted.decrementAndGet();
        };
    }

    /** Requests admitted (evaluating or waiting), for /healthz. */
    int inFlight() {
        return admitted.get();
    }
}

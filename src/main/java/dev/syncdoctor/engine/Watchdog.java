package dev.syncdoctor.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Enforces the per-case time limit on a rule consequence that blocks or sleeps, which the check made
 * at each firing cannot see: one shared daemon thread looks at the running evaluations every
 * {@link #TICK_NANOS} and, past an evaluation's deadline, halts its session and interrupts the thread
 * that evaluates it. A consequence that sleeps, waits or does blocking I/O is woken by the interrupt;
 * a consequence that spins in pure CPU and ignores interrupts stops only when it returns (the halt then
 * ends the session before the next firing).
 *
 * <p>Cost per case: one registration in a concurrent map and its removal; the thread parks while no
 * evaluation runs.
 */
final class Watchdog {
    static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private static final Watchdog SHARED = new Watchdog();

    private final Map<Watch, Boolean> running = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean idle;

    private Watchdog() {
        thread = new Thread(this::loop, "syncdoctor-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    static Watchdog shared() {
        return SHARED;
    }

    /** Starts watching the calling thread's evaluation; call {@link Watch#finish()} when it ends, in a finally. */
    Watch watch(Haltable session, long deadline) {
        Watch w = new Watch(this, Thread.currentThread(), session, deadline);
        running.put(w, Boolean.TRUE);
        if (idle) {
            LockSupport.unpark(thread);
        }
        return w;
    }

    /** Evaluations being watched now (for tests). */
    int watching() {
        return running.size();
    }

    private void loop() {
        while (true) {
            if (running.isEmpty()) {
                idle = true;
                if (running.isEmpty()) {
                    LockSupport.park(this);
                }
                idle = false;
                continue;
            }
            long now = System.nanoTime();
            for (Watch w : running.keySet()) {
                if (now - w.deadline >= 0) {
                    running.remove(w);
                    try {
                        w.expire();
                    } catch (RuntimeException e) {
                        // A session that cannot be halted must not stop the watchdog.
                    }
                }
            }
            LockSupport.parkNanos(this, TICK_NANOS);
        }
    }

    /** What the watchdog stops: a rule session, in practice. */
    interface Haltable {
        void halt();
    }

    /** One watched evaluation. */
    static final class Watch {
        private final Watchdog owner;
        private final Thread thread;
        private final Haltable session;
        private final long deadline;
        private boolean finished;
        private volatile boolean expired;

        private Watch(Watchdog owner, Thread thread, Haltable session, long deadline) {
            this.owner = owner;
            this.thread = thread;
            this.session = session;
            this.deadline = deadline;
        }

        private synchronized void expire() {
            if (finished) {
                return;
            }
            expired = true;
            session.halt();
            thread.interrupt();
        }

        /** Whether the deadline passed and the session was halted. */
        boolean expired() {
            return expired;
        }

        /**
         * Stops watching. Call on the evaluating thread before disposing of the session; clears the
         * interrupt the watchdog raised, so it does not leak into the caller's next case.
         */
        boolean finish() {
            owner.running.remove(this);
            boolean wasExpired;
            synchronized (this) {
                finished = true;
                wasExpired = expired;
            }
            if (wasExpired) {
                Thread.interrupted();
            }
            return wasExpired;
        }
    }
}

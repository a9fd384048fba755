package org.disclosurehub.system;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The service's own background workers: named daemon threads, each running the same loop. */
public final class WorkerThreads {
  private WorkerThreads() {}

  /** A pool of {@code count} threads named {@code name-1…}, each already running {@code loop}. */
  public static ExecutorService start(String name, int count, Runnable loop) {
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            count,
            r -> {
              Thread t = new Thread(r, name + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    for (int i = 0; i < count; i++) {
      pool.submit(loop);
    }
    return pool;
  }
}

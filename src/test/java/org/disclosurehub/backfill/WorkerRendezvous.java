package org.disclosurehub.backfill;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Makes the service's two import-job workers meet inside their transactions: each waits at a step
 * ({@link ImportJobWorkers.Step}) until the other arrives there too, or until the step's time runs
 * out (a worker blocked by the other's lock never arrives; the one waiting then goes on). Armed by
 * a test for the next job only.
 */
@ApplicationScoped
public class WorkerRendezvous {
  private volatile Meeting meeting;

  /** Two workers at each step of one job; how long the first waits for the second at each. */
  static final class Meeting {
    private final Map<ImportJobWorkers.Step.Phase, Duration> patience;
    private final Map<ImportJobWorkers.Step.Phase, CountDownLatch> arrivals =
        new EnumMap<>(ImportJobWorkers.Step.Phase.class);
    private final Map<ImportJobWorkers.Step.Phase, Boolean> met = new ConcurrentHashMap<>();
    private final Set<Long> files = ConcurrentHashMap.newKeySet();
    private final Set<String> workers = ConcurrentHashMap.newKeySet();
    private volatile Long job;

    Meeting(Map<ImportJobWorkers.Step.Phase, Duration> patience) {
      this.patience = patience;
      patience.keySet().forEach(p -> arrivals.put(p, new CountDownLatch(2)));
    }

    /** Whether both workers were at the step at once (the second arrived before the first left). */
    boolean metAt(ImportJobWorkers.Step.Phase phase) {
      return met.getOrDefault(phase, false);
    }

    Set<Long> files() {
      return files;
    }

    Set<String> workers() {
      return workers;
    }

    private void arrive(ImportJobWorkers.Step step) throws InterruptedException {
      synchronized (this) {
        if (job == null) {
          job = step.job();
        }
      }
      CountDownLatch latch = arrivals.get(step.phase());
      if (!job.equals(step.job()) || latch == null) {
        return;
      }
      files.addAll(step.files());
      workers.add(Thread.currentThread().getName());
      latch.countDown();
      if (latch.await(patience.get(step.phase()).toMillis(), TimeUnit.MILLISECONDS)) {
        met.put(step.phase(), true);
      }
    }
  }

  Meeting arm(Map<ImportJobWorkers.Step.Phase, Duration> patience) {
    Meeting next = new Meeting(patience);
    meeting = next;
    return next;
  }

  void disarm() {
    meeting = null;
  }

  void step(@Observes ImportJobWorkers.Step step) throws InterruptedException {
    Meeting current = meeting;
    if (current != null) {
      current.arrive(step);
    }
  }
}

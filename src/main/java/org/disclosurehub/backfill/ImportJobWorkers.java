package org.disclosurehub.backfill;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.disclosurehub.system.WorkerThreads;
import org.jboss.logging.Logger;

/**
 * The service's own workers: a bounded pool that takes queued files one at a time, each in a
 * transaction that holds the file's row ({@code FOR UPDATE SKIP LOCKED}) until its outcome is
 * recorded. Replicas share the queue; a file whose worker died (a restart, a crash) is queued again
 * when its transaction rolls back, and read again: identical content stores nothing, so nothing is
 * stored twice.
 */
@ApplicationScoped
class ImportJobWorkers {
  private static final Logger LOG = Logger.getLogger(ImportJobWorkers.class);
  private static final long IDLE_MILLIS = 2000;

  private final ImportJobConfig config;
  private final Work work;
  private final Object signal = new Object();
  private volatile boolean running;
  private ExecutorService pool;

  ImportJobWorkers(ImportJobConfig config, Work work) {
    this.config = config;
    this.work = work;
  }

  void start(@Observes StartupEvent started) {
    running = true;
    pool = WorkerThreads.start("import-job-worker", config.workers(), this::loop);
  }

  void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
    running = false;
    wake();
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.SECONDS);
  }

  /** A job was created or a file queued again: idle workers look at once. */
  void wake() {
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  private void loop() {
    while (running) {
      boolean worked;
      try {
        worked = work.next();
      } catch (RuntimeException | Error failed) {
        if (!running) {
          return;
        }
        LOG.warn("import job worker: a file could not be processed; it stays queued", failed);
        worked = false;
      }
      if (!worked) {
        synchronized (signal) {
          try {
            signal.wait(IDLE_MILLIS);
          } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }

  /**
   * Where a worker is in the transaction that decides its files: their outcomes recorded (before
   * the job is settled), or the job settled (before the commit). Fired synchronously in that
   * transaction; nothing in the service observes it, a test does, to make two workers meet there.
   */
  record Step(long job, List<Long> files, Phase phase) {
    enum Phase {
      RECORDED,
      SETTLED
    }
  }

  /**
   * A worker's claim of one job's files, in one transaction and request context (the author of what
   * they store): each file is decided and stored in turn (a store in its own transaction, as a PUT
   * is: a batch never holds one report's locks while it takes another's), and the outcomes are
   * recorded and the job settled once for all of them. A worker that dies leaves them all queued; a
   * file stored before is then found stored.
   */
  @ApplicationScoped
  static class Work {
    private final ImportJobs jobs;
    private final FileDecider decider;
    private final CurrentIdentityAssociation identity;
    private final ImportJobConfig config;
    private final Event<Step> steps;

    Work(
        ImportJobs jobs,
        FileDecider decider,
        CurrentIdentityAssociation identity,
        ImportJobConfig config,
        Event<Step> steps) {
      this.jobs = jobs;
      this.decider = decider;
      this.identity = identity;
      this.config = config;
      this.steps = steps;
    }

    @ActivateRequestContext
    boolean next() {
      return QuarkusTransaction.requiringNew()
          .timeout(600)
          .call(
              () -> {
                List<ImportJobs.Claimed> files = jobs.claim(config.batch(), config.workers());
                if (files.isEmpty()) {
                  return false;
                }
                ImportJobs.Claimed first = files.get(0);
                // What the files store is the job creator's write, as if they had imported them.
                identity.setIdentity(
                    QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(first.createdBy()))
                        .build());
                AgencyRegistry registry = new AgencyRegistry(first.division());
                List<Long> ids = new ArrayList<>();
                List<ImportJobs.Outcome> outcomes = new ArrayList<>();
                for (ImportJobs.Claimed file : files) {
                  ids.add(file.id());
                  outcomes.add(decided(file, registry));
                }
                jobs.record(ids, outcomes);
                steps.fire(new Step(first.job(), ids, Step.Phase.RECORDED));
                jobs.settle(first.job());
                steps.fire(new Step(first.job(), ids, Step.Phase.SETTLED));
                return true;
              });
    }

    /** A fault of the service on one file refuses that file, rather than retrying it forever. */
    private ImportJobs.Outcome decided(ImportJobs.Claimed file, AgencyRegistry registry) {
      try {
        return decider.decide(file, registry);
      } catch (RuntimeException fault) {
        LOG.errorf(
            fault, "import job %d file %d could not be decided", file.job(), file.position());
        return new ImportJobs.Outcome(
            "refused",
            "internal",
            null,
            file.agency(),
            file.agencyFrom(),
            file.year(),
            null,
            null,
            null,
            null);
      }
    }
  }
}

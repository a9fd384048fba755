package org.disclosurehub.hooks;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.disclosurehub.system.WorkerThreads;
import org.jboss.logging.Logger;

/**
 * The service's own delivery workers (the pattern of the import jobs' workers): a bounded pool that
 * claims one due delivery at a time and sends it inside the claiming transaction. A worker stopped
 * or killed mid-delivery rolls its transaction back, so the delivery is still pending for the next
 * worker or replica: at least once, never lost. Idle workers look again after {@code poll}, or at
 * once when a change with an event commits.
 */
@ApplicationScoped
class WebhookWorkers {
  private static final Logger LOG = Logger.getLogger(WebhookWorkers.class);

  private final WebhookConfig config;
  private final Deliveries deliveries;
  private final Destinations destinations;
  private final Sender sender;
  private final Object signal = new Object();
  private volatile boolean running;
  private ExecutorService pool;

  WebhookWorkers(
      WebhookConfig config, Deliveries deliveries, Destinations destinations, Sender sender) {
    this.config = config;
    this.deliveries = deliveries;
    this.destinations = destinations;
    this.sender = sender;
  }

  void started(@Observes StartupEvent started) {
    start();
  }

  void stopping(@Observes ShutdownEvent stopping) {
    stop();
  }

  synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    pool = WorkerThreads.start("webhook-worker", config.workers(), this::loop);
  }

  /** Stops at once: deliveries under way are interrupted and roll back, still pending. */
  synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    pool.shutdownNow();
    try {
      pool.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // Not on every change: one nobody subscribed to would wake every worker for a claim that finds
  // nothing (a transaction and a query each, per filing).
  void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesQueued queued) {
    wake();
  }

  /** New events committed, or a subscription resumed: idle workers look at once. */
  void wake() {
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  private void loop() {
    while (running) {
      boolean worked;
      try {
        worked = next();
      } catch (RuntimeException | Error failed) {
        if (!running) {
          return;
        }
        LOG.warn("webhook worker: a delivery could not be made; it stays pending", failed);
        worked = false;
      }
      if (!worked) {
        synchronized (signal) {
          try {
            signal.wait(config.poll().toMillis());
          } catch (InterruptedException stopped) {
            return;
          }
        }
      }
    }
  }

  /** One delivery, claimed, sent and recorded in one transaction. */
  private boolean next() {
    return QuarkusTransaction.requiringNew()
        .timeout((int) config.timeout().toSeconds() + 60)
        .call(
            () -> {
              Optional<Deliveries.Claimed> claimed = deliveries.claim();
              if (claimed.isEmpty()) {
                return false;
              }
              Deliveries.Claimed delivery = claimed.get();
              Instant at = Instant.now();
              String refusal = destinations.refusalOnDelivery(delivery.url());
              Deliveries.Attempt attempt =
                  refusal != null ? Sender.refused(refusal) : sender.send(delivery, at);
              deliveries.record(delivery, attempt, at);
              return true;
            });
  }
}

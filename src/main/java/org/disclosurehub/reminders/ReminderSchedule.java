package org.disclosurehub.reminders;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.disclosurehub.sql.Rows;
import org.jboss.logging.Logger;

/**
 * Looks at the service's clock (Beijing time) every {@code hub.reminders.check-every} and, on a
 * reminder day, claims the reminder's row ({@code deadline_reminder}: once for the whole service,
 * whichever replica comes first) and fires {@link DeadlineReached} in that transaction. A replica
 * that was down on the day sends nothing late: a reminder after its day would say the wrong thing.
 */
@ApplicationScoped
class ReminderSchedule {
  private static final Logger LOG = Logger.getLogger(ReminderSchedule.class);

  @ConfigMapping(prefix = "hub.reminders")
  interface Config {
    /** Days before 31 January on which the first reminder goes out. */
    @WithDefault("7")
    int daysBefore();

    @WithDefault("1m")
    Duration checkEvery();
  }

  private final Config config;
  private final Clock clock;
  private final Event<DeadlineReached> reached;
  private ScheduledExecutorService timer;

  ReminderSchedule(Config config, Clock clock, Event<DeadlineReached> reached) {
    this.config = config;
    this.clock = clock;
    this.reached = reached;
  }

  void start(@Observes StartupEvent started) {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "deadline-reminders");
              t.setDaemon(true);
              return t;
            });
    long every = config.checkEvery().toMillis();
    timer.scheduleWithFixedDelay(this::checkQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  void stop(@Observes ShutdownEvent stopping) {
    timer.shutdownNow();
  }

  private void checkQuietly() {
    try {
      check();
    } catch (RuntimeException failed) {
      LOG.warn("deadline reminders: the check failed; the next one tries again", failed);
    }
  }

  /**
   * Sends today's reminder unless it was sent; answers it, or empty when there was none to send.
   */
  Optional<DeadlineReached> check() {
    LocalDate today = LocalDate.now(clock);
    Optional<DeadlineCalendar.Due> due = DeadlineCalendar.due(today, config.daysBefore());
    if (due.isEmpty()) {
      return Optional.empty();
    }
    DeadlineCalendar.Due reminder = due.get();
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              int claimed =
                  Rows.update(
                          """
                          insert into deadline_reminder (year, kind, sent_at)
                          values (:year, :kind, :at)
                          on conflict do nothing""")
                      .set("year", reminder.year())
                      .set("kind", reminder.kind())
                      .set("at", clock.instant())
                      .run();
              if (claimed == 0) {
                return Optional.empty();
              }
              DeadlineReached event =
                  new DeadlineReached(
                      reminder.year(),
                      reminder.kind(),
                      reminder.deadline(),
                      today,
                      clock.instant().truncatedTo(ChronoUnit.MILLIS));
              reached.fire(event);
              return Optional.of(event);
            });
  }
}

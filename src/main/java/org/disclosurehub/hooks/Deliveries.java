package org.disclosurehub.hooks;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.disclosurehub.sql.Rows;

/**
 * The delivery queue as rows: the next due delivery claimed with its subscription ({@code FOR NO
 * KEY UPDATE SKIP LOCKED}, so one delivery at a time per subscription, and a pause or deletion
 * waits for the delivery under way), and each attempt's outcome recorded in the claiming
 * transaction.
 */
@ApplicationScoped
class Deliveries {
  private final WebhookConfig config;

  Deliveries(WebhookConfig config) {
    this.config = config;
  }

  /** A due delivery, locked with its subscription until the transaction ends. */
  record Claimed(
      long id,
      long subscription,
      long event,
      int attempts,
      String url,
      String secret,
      String body) {
    /** The {@code webhook-id}: the event's, the same on every attempt and for every subscriber. */
    String messageId() {
      return "evt_" + event;
    }
  }

  /** What one attempt came to. */
  record Attempt(Integer status, String error, String body, long millis) {
    boolean delivered() {
      return status != null && status >= 200 && status < 300;
    }

    String summary() {
      return status != null ? "HTTP " + status : error;
    }
  }

  // A report's later event waits while an earlier one is pending for the same subscription.
  Optional<Claimed> claim() {
    Rows.Row row =
        Rows.select(
                """
                select d.id, d.subscription_id, d.event_id, d.attempts, s.url, s.secret,
                       e.payload::text as body
                from webhook_delivery d
                     join webhook_subscription s on s.id = d.subscription_id
                     join hub_event e on e.id = d.event_id
                where d.state = 'pending' and d.next_attempt_at <= clock_timestamp()
                  and s.state = 'active'
                  and not exists (select 1 from webhook_delivery p
                                  where p.subscription_id = d.subscription_id
                                    and p.report_key = d.report_key
                                    and p.event_id < d.event_id and p.state = 'pending')
                order by d.event_id
                limit 1
                for no key update of d, s skip locked""")
            .row();
    if (row == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Claimed(
            row.number("id"),
            row.number("subscription_id"),
            row.number("event_id"),
            (int) row.number("attempts"),
            (String) row.get("url"),
            (String) row.get("secret"),
            (String) row.get("body")));
  }

  void record(Claimed delivery, Attempt attempt, java.time.Instant at) {
    Rows.update(
            """
            insert into webhook_attempt (delivery_id, at, status, duration_millis, error,
                                         response_body)
            values (:delivery, :at, :status, :millis, :error, :body)""")
        .set("delivery", delivery.id())
        .set("at", at)
        .set("status", attempt.status())
        .set("millis", (int) Math.min(Integer.MAX_VALUE, attempt.millis()))
        .set("error", attempt.error())
        .set("body", attempt.body())
        .run();
    if (attempt.delivered()) {
      Rows.update(
              """
              update webhook_delivery
              set state = 'delivered', attempts = attempts + 1, delivered_at = clock_timestamp()
              where id = :id""")
          .set("id", delivery.id())
          .run();
      Rows.update("update webhook_subscription set consecutive_failures = 0 where id = :id")
          .set("id", delivery.subscription())
          .run();
      return;
    }
    Rows.update(
            """
            update webhook_delivery
            set attempts = attempts + 1,
                next_attempt_at = clock_timestamp() + :wait * interval '1 millisecond'
            where id = :id""")
        .set("wait", backoff(delivery.attempts()).toMillis())
        .set("id", delivery.id())
        .run();
    Rows.update(
            """
            update webhook_subscription
            set consecutive_failures = consecutive_failures + 1,
                state = case when consecutive_failures + 1 >= :limit then 'paused' else state end,
                paused_at = case when consecutive_failures + 1 >= :limit then clock_timestamp()
                                 else paused_at end,
                paused_reason = case when consecutive_failures + 1 >= :limit
                                     then :reason else paused_reason end
            where id = :id""")
        .set("limit", config.pauseAfter())
        .set(
            "reason",
            "Paused after "
                + config.pauseAfter()
                + " failed attempts in a row; the last: "
                + attempt.summary()
                + ". Nothing is sent until it is resumed; then every event it missed, in order.")
        .set("id", delivery.subscription())
        .run();
  }

  /** The wait after the attempt numbered {@code attemptsBefore + 1}: doubling, up to the cap. */
  Duration backoff(int attemptsBefore) {
    Duration wait = config.firstBackoff();
    for (int i = 0; i < attemptsBefore && wait.compareTo(config.maxBackoff()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
  }
}

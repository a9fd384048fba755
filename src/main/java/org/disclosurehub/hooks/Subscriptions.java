package org.disclosurehub.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.disclosurehub.region.Division;
import org.disclosurehub.region.Regions;
import org.disclosurehub.sql.Rows;

/** Subscriptions and their deliveries as rows, in the caller's transaction. */
@ApplicationScoped
class Subscriptions {
  private static final String COLUMNS =
      """
      select id, region_code, url, description, state, consecutive_failures, paused_at,
             paused_reason, created_by, created_at
      from webhook_subscription""";

  private final ObjectMapper json;

  Subscriptions(ObjectMapper json) {
    this.json = json;
  }

  long create(
      String region, String url, String description, String secret, String author, Instant at) {
    Division division = new Division(region);
    return Rows.select(
            """
            insert into webhook_subscription (region_code, lowest, highest, url, description,
                                              secret, created_by, created_at)
            values (:region, :lowest, :highest, :url, :description, :secret, :author, :at)
            returning id""")
        .set("region", region)
        .set("lowest", division.lowest())
        .set("highest", division.highest())
        .set("url", url)
        .set("description", description)
        .set("secret", secret)
        .set("author", author)
        .set("at", at)
        .row()
        .number("id");
  }

  /** A subscription that is not deleted, locked for a change when {@code forUpdate}. */
  Optional<WebhookViews.Subscription> find(long id, boolean forUpdate) {
    Rows.Row row =
        Rows.select(
                COLUMNS
                    + " where id = :id and state <> 'deleted'"
                    + (forUpdate ? " for no key update" : ""))
            .set("id", id)
            .row();
    return Optional.ofNullable(row).map(r -> view(r, null));
  }

  /** A subscription just created, with its secret: the one answer that shows it. */
  WebhookViews.Subscription created(long id, String secret) {
    return view(Rows.select(COLUMNS + " where id = :id").set("id", id).row(), secret);
  }

  /** Every subscription not deleted whose region lies within {@code division} (all: null). */
  List<WebhookViews.Subscription> within(Division division) {
    return Rows.select(
            COLUMNS
                + """
                 where state <> 'deleted'
                  and (cast(:lowest as text) is null
                       or region_code between :lowest and :highest)
                order by id""")
        .set("lowest", division == null ? null : division.lowest())
        .set("highest", division == null ? null : division.highest())
        .rows()
        .stream()
        .map(r -> view(r, null))
        .toList();
  }

  void resume(long id) {
    Rows.update(
            """
            update webhook_subscription
            set state = 'active', consecutive_failures = 0, paused_at = null, paused_reason = null
            where id = :id""")
        .set("id", id)
        .run();
  }

  void delete(long id, Instant at) {
    Rows.update(
            """
            update webhook_subscription set state = 'deleted', deleted_at = :at where id = :id""")
        .set("id", id)
        .set("at", at)
        .run();
  }

  long deliveryCount(long subscription) {
    return Rows.select("select count(*) as n from webhook_delivery where subscription_id = :id")
        .set("id", subscription)
        .row()
        .number("n");
  }

  /** A page of a subscription's deliveries, newest event first, each with its answers. */
  List<WebhookViews.Delivery> deliveries(long subscription, int skip, int size) {
    List<Rows.Row> rows =
        Rows.select(
                """
                select d.id, d.event_id, e.type, e.payload::text as payload, d.state, d.attempts,
                       d.next_attempt_at, d.delivered_at
                from webhook_delivery d join hub_event e on e.id = d.event_id
                where d.subscription_id = :id
                order by d.event_id desc
                offset :skip limit :size""")
            .set("id", subscription)
            .set("skip", skip)
            .set("size", size)
            .rows();
    Map<Long, List<WebhookViews.Answer>> answers = new LinkedHashMap<>();
    for (Rows.Row row : rows) {
      answers.put(row.number("id"), new ArrayList<>());
    }
    if (!answers.isEmpty()) {
      Rows.select(
              """
              select delivery_id, at, status, duration_millis, error, response_body
              from webhook_attempt where delivery_id = any(:ids) order by id""")
          .set("ids", answers.keySet().toArray(Long[]::new))
          .rows()
          .forEach(
              a ->
                  answers
                      .get(a.number("delivery_id"))
                      .add(
                          new WebhookViews.Answer(
                              instant(a.get("at")),
                              a.get("status") == null ? null : (int) a.number("status"),
                              a.number("duration_millis"),
                              (String) a.get("error"),
                              (String) a.get("response_body"))));
    }
    return rows.stream()
        .map(
            r ->
                new WebhookViews.Delivery(
                    r.number("id"),
                    "evt_" + r.number("event_id"),
                    (String) r.get("type"),
                    tree((String) r.get("payload")),
                    (String) r.get("state"),
                    (int) r.number("attempts"),
                    "pending".equals(r.get("state")) ? instant(r.get("next_attempt_at")) : null,
                    instant(r.get("delivered_at")),
                    answers.get(r.number("id"))))
        .toList();
  }

  private WebhookViews.Subscription view(Rows.Row r, String secret) {
    long id = r.number("id");
    String region = (String) r.get("region_code");
    boolean paused = "paused".equals(r.get("state"));
    return new WebhookViews.Subscription(
        id,
        region,
        Regions.name(region),
        (String) r.get("url"),
        (String) r.get("description"),
        (String) r.get("state"),
        (int) r.number("consecutive_failures"),
        paused ? instant(r.get("paused_at")) : null,
        paused ? (String) r.get("paused_reason") : null,
        (String) r.get("created_by"),
        instant(r.get("created_at")),
        secret,
        "/api/v1/webhooks/" + id + "/deliveries");
  }

  private JsonNode tree(String text) {
    try {
      return json.readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Instant instant(Object value) {
    return value == null ? null : ((Timestamp) value).toInstant();
  }
}

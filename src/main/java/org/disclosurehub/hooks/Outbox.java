package org.disclosurehub.hooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Instant;
import org.disclosurehub.review.ReviewDecided;
import org.disclosurehub.sql.Rows;
import org.disclosurehub.sql.Sql;
import org.disclosurehub.submission.ReportRevised;
import org.disclosurehub.submission.ReportWithdrawn;

/**
 * The outbox: every change others announce becomes an event row, and one pending delivery per
 * subscription of a region it lies in, inside the transaction that makes the change. So a committed
 * change always has its event and its deliveries, and a rolled-back one never had them.
 */
@ApplicationScoped
class Outbox {
  private final ObjectMapper json;
  private final Event<DeliveriesQueued> queued;

  Outbox(ObjectMapper json, Event<DeliveriesQueued> queued) {
    this.json = json;
    this.queued = queued;
  }

  // In the writing transaction, before plausibility (APPLICATION + 1000) takes the city's lock,
  // which same-city filings wait on until commit: the event needs only the report row, which
  // already orders the events of one report.
  void revised(@Observes @Priority(Interceptor.Priority.APPLICATION + 950) ReportRevised revised) {
    Rows.Row row = revision(revised.agencyId(), revised.year(), revised.revision());
    record(row, EventPayloads.kind(row));
  }

  void withdrawn(
      @Observes @Priority(Interceptor.Priority.APPLICATION + 950) ReportWithdrawn withdrawn) {
    record(revision(withdrawn.agencyId(), withdrawn.year(), null), "withdrawn");
  }

  void decided(@Observes @Priority(Interceptor.Priority.APPLICATION + 3000) ReviewDecided decided) {
    ObjectNode data = json.createObjectNode();
    data.put("agency", decided.agencyCode());
    data.put("agencyName", agencyName(decided.agencyId()));
    data.put("divisionCode", decided.divisionCode());
    data.put("year", decided.year());
    data.put("revision", decided.revision());
    data.put("decision", decided.decision());
    data.put("reason", decided.reason());
    data.put("author", decided.author());
    data.put("at", decided.at().toString());
    String report = EventPayloads.reportPath(decided.agencyCode(), decided.year());
    data.putObject("links").put("report", report).put("review", report + "/review");
    append(
        "review." + decided.decision(),
        decided.divisionCode(),
        EventPayloads.reportKey(decided.agencyCode(), decided.year()),
        decided.at(),
        data);
  }

  /** An event for the subscribers of every region {@code divisionCode} lies in. */
  long append(String type, String divisionCode, String reportKey, Instant at, ObjectNode data) {
    return append(type, divisionCode, reportKey, at, data, false);
  }

  /**
   * An event, for the subscribers of every region the division lies in, or ({@code onlyThatRegion})
   * for the subscribers of that region alone: a reminder lists a region's own missing agencies,
   * which a subscriber of the province gets in the province's reminder.
   */
  long append(
      String type,
      String divisionCode,
      String reportKey,
      Instant at,
      ObjectNode data,
      boolean onlyThatRegion) {
    ObjectNode payload = json.createObjectNode();
    payload.put("type", type);
    payload.put("timestamp", at.toString());
    payload.set("data", data);
    // The event and its deliveries in one statement (one round trip in the writing transaction).
    Rows.Row event =
        Rows.select(
                """
                with e as (insert into hub_event (type, division_code, report_key, at, payload)
                           values (:type, :division, :key, :at, cast(:payload as jsonb))
                           returning id),
                d as (insert into webhook_delivery (subscription_id, event_id, report_key,
                                                    next_attempt_at)
                      select s.id, e.id, :key, now()
                      from e, webhook_subscription s
                      where s.state <> 'deleted' and :division between s.lowest and s.highest
                        and (not :exact or s.region_code = :division)
                      returning 1)
                select id, (select count(*) from d) as deliveries from e""")
            .set("type", type)
            .set("division", divisionCode)
            .set("key", reportKey)
            .set("at", at)
            .set("payload", payload.toString())
            .set("exact", onlyThatRegion)
            .row();
    // Workers are woken after the commit only when there is something for them to deliver.
    if (event.number("deliveries") > 0) {
      queued.fire(new DeliveriesQueued());
    }
    return event.number("id");
  }

  private void record(Rows.Row row, String kind) {
    String agency = (String) row.get("agency");
    int year = ((Number) row.get("year")).intValue();
    int revision = ((Number) row.get("revision")).intValue();
    Instant at = ((java.sql.Timestamp) row.get("submitted_at")).toInstant();
    ObjectNode data = json.createObjectNode();
    data.put("agency", agency);
    data.put("agencyName", (String) row.get("name"));
    data.put("divisionCode", (String) row.get("division_code"));
    data.put("year", year);
    data.put("revision", revision);
    data.put("kind", kind);
    data.put("author", (String) row.get("author"));
    data.put("reason", (String) row.get("reason"));
    data.put("at", at.toString());
    data.put("contentSha256", (String) row.get("content_sha256"));
    data.put("violationCount", ((Number) row.get("violation_count")).intValue());
    String report = EventPayloads.reportPath(agency, year);
    String path = report + "/revisions/" + revision;
    data.putObject("links")
        .put("report", report)
        .put("revision", path)
        .put("content", path + "/content");
    append(
        "report." + kind,
        (String) row.get("division_code"),
        EventPayloads.reportKey(agency, year),
        at,
        data);
  }

  /** The revision just stored (or the current one), with what tells its kind. */
  private static Rows.Row revision(long agencyId, int year, Integer revision) {
    Sql.flushPending();
    return Rows.select(
            """
            select a.code as agency, a.name, a.division_code, r.year, v.revision, v.submitted_at,
                   v.author, v.reason, v.withdrawn, v.imported, v.content_sha256,
                   v.violation_count,
                   coalesce((select p.withdrawn from report_revision p
                             where p.report_id = v.report_id and p.revision = v.revision - 1),
                            false) as after_withdrawal
            from report r
                 join agency a on a.id = r.agency_id
                 join report_revision v on v.report_id = r.id
            where r.agency_id = :agency and r.year = :year
              and v.revision = coalesce(cast(:revision as integer), r.current_revision)""")
        .set("agency", agencyId)
        .set("year", year)
        .set("revision", revision)
        .row();
  }

  private static String agencyName(long agencyId) {
    return (String)
        Rows.select("select name from agency where id = :id").set("id", agencyId).row().get(0);
  }
}

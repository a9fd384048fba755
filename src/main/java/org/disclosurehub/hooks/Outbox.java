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
  // The revision's columns come with the event, as the filing wrote them: nothing is read back.
  void revised(@Observes @Priority(Interceptor.Priority.APPLICATION + 950) ReportRevised revised) {
    record(
        new Revision(
            revised.agencyCode(),
            revised.agencyName(),
            revised.divisionCode(),
            revised.year(),
            revised.revision(),
            revised.at(),
            revised.author(),
            revised.reason(),
            revised.contentSha256(),
            revised.violations().size()),
        EventPayloads.kind(
            false, revised.imported(), revised.revision(), revised.afterWithdrawal()));
  }

  void withdrawn(
      @Observes @Priority(Interceptor.Priority.APPLICATION + 950) ReportWithdrawn withdrawn) {
    record(Revision.of(current(withdrawn.agencyId(), withdrawn.year())), "withdrawn");
  }

  /** What a report event tells of the revision it announces. */
  private record Revision(
      String agency,
      String agencyName,
      String divisionCode,
      int year,
      int revision,
      Instant at,
      String author,
      String reason,
      String contentSha256,
      int violationCount) {

    static Revision of(Rows.Row row) {
      return new Revision(
          (String) row.get("agency"),
          (String) row.get("name"),
          (String) row.get("division_code"),
          ((Number) row.get("year")).intValue(),
          ((Number) row.get("revision")).intValue(),
          ((java.sql.Timestamp) row.get("submitted_at")).toInstant(),
          (String) row.get("author"),
          (String) row.get("reason"),
          (String) row.get("content_sha256"),
          ((Number) row.get("violation_count")).intValue());
    }
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

  private void record(Revision revision, String kind) {
    ObjectNode data = json.createObjectNode();
    data.put("agency", revision.agency());
    data.put("agencyName", revision.agencyName());
    data.put("divisionCode", revision.divisionCode());
    data.put("year", revision.year());
    data.put("revision", revision.revision());
    data.put("kind", kind);
    data.put("author", revision.author());
    data.put("reason", revision.reason());
    data.put("at", revision.at().toString());
    data.put("contentSha256", revision.contentSha256());
    data.put("violationCount", revision.violationCount());
    String report = EventPayloads.reportPath(revision.agency(), revision.year());
    String path = report + "/revisions/" + revision.revision();
    data.putObject("links")
        .put("report", report)
        .put("revision", path)
        .put("content", path + "/content");
    append(
        "report." + kind,
        revision.divisionCode(),
        EventPayloads.reportKey(revision.agency(), revision.year()),
        revision.at(),
        data);
  }

  /** The current revision (a withdrawal just stored). */
  private static Rows.Row current(long agencyId, int year) {
    Sql.flushPending();
    return Rows.select(
            """
            select a.code as agency, a.name, a.division_code, r.year, v.revision, v.submitted_at,
                   v.author, v.reason, v.content_sha256, v.violation_count
            from report r
                 join agency a on a.id = r.agency_id
                 join report_revision v on v.report_id = r.id and v.revision = r.current_revision
            where r.agency_id = :agency and r.year = :year""")
        .set("agency", agencyId)
        .set("year", year)
        .row();
  }

  private static String agencyName(long agencyId) {
    return (String)
        Rows.select("select name from agency where id = :id").set("id", agencyId).row().get(0);
  }
}

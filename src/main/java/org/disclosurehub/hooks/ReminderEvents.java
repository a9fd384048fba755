package org.disclosurehub.hooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.disclosurehub.region.Regions;
import org.disclosurehub.reminders.DeadlineReached;
import org.disclosurehub.reminders.MissingAgencies;
import org.disclosurehub.sql.Rows;

/**
 * A reminder day: every region someone subscribed to gets one event ({@code deadline.approaching}
 * or {@code deadline.passed}) listing its expected agencies still missing, written in the
 * transaction that claims the reminder.
 */
@ApplicationScoped
class ReminderEvents {
  private final Outbox outbox;
  private final MissingAgencies missing;
  private final WebhookWorkers workers;
  private final ObjectMapper json;

  ReminderEvents(
      Outbox outbox, MissingAgencies missing, WebhookWorkers workers, ObjectMapper json) {
    this.outbox = outbox;
    this.missing = missing;
    this.workers = workers;
    this.json = json;
  }

  void reached(@Observes DeadlineReached reached) {
    for (Rows.Row row :
        Rows.select(
                """
                select distinct region_code from webhook_subscription
                where state <> 'deleted' order by region_code""")
            .rows()) {
      String region = (String) row.get(0);
      ObjectNode data = json.createObjectNode();
      data.put("region", region);
      data.put("regionName", Regions.name(region));
      data.put("year", reached.year());
      data.put("deadline", reached.deadline().toString());
      data.put("today", reached.today().toString());
      ArrayNode agencies = data.putArray("missing");
      for (MissingAgencies.Missing m : missing.of(region, reached.year())) {
        agencies
            .addObject()
            .put("agency", m.code())
            .put("name", m.name())
            .put("divisionCode", m.divisionCode())
            .put("divisionName", m.divisionName());
      }
      data.put("missingCount", agencies.size());
      String list = "/api/v1/regions/" + region + "/missing/" + reached.year();
      data.putObject("links").put("list", list).put("csv", list + "?format=csv");
      outbox.append("deadline." + reached.kind(), region, null, reached.at(), data, true);
    }
  }

  void sent(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeadlineReached reached) {
    workers.wake();
  }
}

package org.disclosurehub.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.disclosurehub.region.Division;
import org.disclosurehub.submission.ReportReads;
import org.disclosurehub.submission.ReportView;

/**
 * Reads what the notice, the queue and the pages show: the agencies of a division in a year, each
 * with its review (its report read as the API serves it, warnings included).
 */
@ApplicationScoped
class Inspections {
  private final ReviewCycle cycle;
  private final ReportReads reports;
  private final ObjectMapper json;

  Inspections(ReviewCycle cycle, ReportReads reports, ObjectMapper json) {
    this.cycle = cycle;
    this.reports = reports;
    this.json = json;
  }

  /** The review of a filed report; null for one never filed or withdrawn. */
  ReviewView review(ReviewQueries.AgencyYear a, int year) {
    if (!a.filed()) {
      return null;
    }
    ReviewState state = cycle.state(a.agencyId(), year);
    if (state.last() == null) {
      return null;
    }
    ReportView report = reports.current(a.code(), year);
    return ReviewView.of(state, a.code(), year, report, json);
  }

  InspectionNotice notice(Division region, int year) {
    List<InspectionNotice.Row> onRoster = new ArrayList<>();
    List<InspectionNotice.Row> excluded = new ArrayList<>();
    for (ReviewQueries.AgencyYear a : ReviewQueries.agenciesOf(region, year)) {
      if (!a.expected()) {
        excluded.add(InspectionNotice.row(a, year, review(a, year)));
      } else if (a.filed() || a.expectedBySpan() || a.rosterExpected() != null) {
        onRoster.add(InspectionNotice.row(a, year, review(a, year)));
      }
    }
    return InspectionNotice.of(region.code(), year, onRoster, excluded);
  }

  /** A reviewer's queue: the division's filed reports by what they wait for. */
  Queue queue(Division division, int year) {
    List<Queued> toReview = new ArrayList<>();
    List<Queued> returned = new ArrayList<>();
    List<Queued> changed = new ArrayList<>();
    for (ReviewQueries.AgencyYear a : ReviewQueries.agenciesOf(division, year)) {
      if (a.state() == null) {
        continue;
      }
      Queued queued = new Queued(a.code(), a.name(), a.revision() == null ? 0 : a.revision());
      switch (a.state()) {
        case "filed" ->
            (a.everAccepted() && changedSinceAccepted(a, year) ? changed : toReview).add(queued);
        case "returned" -> returned.add(queued);
        default -> {}
      }
    }
    return new Queue(division.code(), year, toReview, returned, changed);
  }

  private boolean changedSinceAccepted(ReviewQueries.AgencyYear a, int year) {
    return cycle.state(a.agencyId(), year).changedSinceAccepted();
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Queued(String agency, String name, int revision) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Queue(
      String division,
      int year,
      List<Queued> toReview,
      List<Queued> returned,
      List<Queued> changed) {}
}

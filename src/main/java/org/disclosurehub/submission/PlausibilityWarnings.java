package org.disclosurehub.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.disclosurehub.agency.Agency;
import org.disclosurehub.report.PlausibilityChecks;
import org.disclosurehub.report.PlausibilityChecks.Thresholds;
import org.disclosurehub.report.RuleViolation;
import org.disclosurehub.report.TextFingerprint;

/**
 * The read side of the plausibility checks: what {@link Plausibility} kept for a report (now, or at
 * an instant of V17's history), and the warnings an evaluation gives under a set of thresholds.
 * Reads, writes nothing.
 */
@ApplicationScoped
class PlausibilityWarnings {
  private final ObjectMapper json;

  PlausibilityWarnings(ObjectMapper json) {
    this.json = json;
  }

  /**
   * The warnings of an evaluation under thresholds {@code t} (the current ones, or those of an
   * as-of read's day): its findings, then TEXT_REUSE above them.
   */
  List<RuleViolation> warnings(Plausibility.Evaluation evaluation, int year, Thresholds t) {
    List<RuleViolation> warnings = new ArrayList<>(evaluation.findings());
    TextFingerprint size = new TextFingerprint(evaluation.characters(), new int[0]);
    if (evaluation.previousYearShare() != null) {
      PlausibilityChecks.textReuse(
              size,
              evaluation.previousYearShare().doubleValue(),
              t.previousYearReuse(),
              t.reuseMinCharacters(),
              "the agency's " + (year - 1) + " report")
          .ifPresent(warnings::add);
    }
    if (evaluation.sameCityShare() != null && evaluation.sameCityAgency() != null) {
      PlausibilityChecks.textReuse(
              size,
              evaluation.sameCityShare().doubleValue(),
              t.sameCityReuse(),
              t.reuseMinCharacters(),
              "the " + year + " report of '" + evaluation.sameCityAgency() + "' (same city)")
          .ifPresent(warnings::add);
    }
    return warnings;
  }

  /** What was stored for the agency's current report of the year, if it was evaluated. */
  Optional<Plausibility.Evaluation> current(Agency agency, int year) {
    return PlausibilityStore.current(agency.id, year).map(this::evaluation);
  }

  /** What was kept for the agency's report of the year at an instant (V17's history), if any. */
  Optional<Plausibility.Evaluation> asOf(Agency agency, int year, Instant end) {
    return PlausibilityHistory.asOf(agency.id, year, end).map(this::evaluation);
  }

  private Plausibility.Evaluation evaluation(PlausibilityStore.Stored stored) {
    return new Plausibility.Evaluation(
        readFindings(stored.findings()),
        stored.characters(),
        stored.previousYearShare(),
        stored.sameCityShare(),
        stored.sameCityAgency());
  }

  private List<RuleViolation> readFindings(String text) {
    try {
      return json.readValue(text, new TypeReference<List<RuleViolation>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

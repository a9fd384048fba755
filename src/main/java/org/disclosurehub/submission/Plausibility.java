package org.disclosurehub.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.disclosurehub.agency.Agency;
import org.disclosurehub.agency.AgencyMoved;
import org.disclosurehub.region.Division;
import org.disclosurehub.report.PlausibilityChecks;
import org.disclosurehub.report.PlausibilityChecks.Thresholds;
import org.disclosurehub.report.Report;
import org.disclosurehub.report.RuleViolation;
import org.disclosurehub.report.TextFingerprint;
import org.disclosurehub.report.TextReuse;
import org.disclosurehub.system.HubConfig;

/**
 * Runs the plausibility checks (NARRATIVE_MISMATCH, TEXT_REUSE, YEAR_JUMP) and keeps what they
 * found for every current report in {@code report_plausibility}, with the n-gram index of the
 * narratives in {@code narrative_ngram}; both are written in the transaction that makes a revision
 * current.
 *
 * <p>TEXT_REUSE against the city looks up the narrative's own n-grams in the index of its city and
 * year and counts, per other agency, the n-grams they share: the work grows with the text shared,
 * not with the number of agencies, and no pair of reports is compared as such. A change
 * re-evaluates the neighbours it can affect: the agency's next year, and the reports of the city
 * whose closest match it was or now is.
 */
@ApplicationScoped
class Plausibility {
  private final ObjectMapper json;
  private final HubConfig config;

  Plausibility(ObjectMapper json, HubConfig config) {
    this.json = json;
    this.config = config;
  }

  /** What the checks found in one report, and the shares TEXT_REUSE measured. */
  record Evaluation(
      List<RuleViolation> findings,
      int characters,
      BigDecimal previousYearShare,
      BigDecimal sameCityShare,
      String sameCityAgency) {

    static final Evaluation NONE = new Evaluation(List.of(), 0, null, null, null);

    TextReuse textReuse() {
      return new TextReuse(previousYearShare, sameCityShare, sameCityAgency);
    }
  }

  Thresholds thresholds() {
    HubConfig.Checks checks = config.checks();
    return new Thresholds(
        checks.previousYearReuse(),
        checks.sameCityReuse(),
        checks.reuseMinCharacters(),
        checks.jumpFactor(),
        checks.jumpFloor());
  }

  /**
   * The warnings of an evaluation under the current thresholds: its findings, then TEXT_REUSE above
   * them.
   */
  List<RuleViolation> warnings(Evaluation evaluation, int year) {
    Thresholds t = thresholds();
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

  /** A new current revision: evaluated after the roll-up totals are kept (see countChange). */
  void revised(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) ReportRevised revised) {
    stored(Agency.findById(revised.agencyId()), revised.year(), revised.report());
  }

  void withdrawn(
      @Observes @Priority(Interceptor.Priority.APPLICATION + 1000) ReportWithdrawn withdrawn) {
    withdrawn(Agency.findById(withdrawn.agencyId()), withdrawn.year());
  }

  void moved(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) AgencyMoved moved) {
    moved(Agency.findById(moved.agencyId()), moved.previousDivisionCode());
  }

  /** Evaluates a report that is not stored (a dry run, an import): reads, writes nothing. */
  Evaluation evaluate(Agency agency, int year, Report report) {
    TextFingerprint fingerprint = TextFingerprint.of(report.narrative());
    List<PlausibilityStore.Shared> shared =
        fingerprint.isEmpty()
            ? List.of()
            : sharedWith(city(agency), year, agency.id, fingerprint.ngrams());
    return evaluation(agency, year, report, fingerprint, closest(shared, fingerprint));
  }

  /** What was stored for the agency's current report of the year, if it was evaluated. */
  Optional<Evaluation> current(Agency agency, int year) {
    return PlausibilityStore.current(agency.id, year).map(this::evaluation);
  }

  /** What was kept for the agency's report of the year at an instant (V17's history), if any. */
  Optional<Evaluation> asOf(Agency agency, int year, Instant end) {
    return PlausibilityHistory.asOf(agency.id, year, end).map(this::evaluation);
  }

  private Evaluation evaluation(PlausibilityStore.Stored stored) {
    return new Evaluation(
        readFindings(stored.findings()),
        stored.characters(),
        stored.previousYearShare(),
        stored.sameCityShare(),
        stored.sameCityAgency());
  }

  /**
   * The report just became the agency's current one for the year: evaluate and keep it, index its
   * narrative, and re-evaluate the neighbours this changes. Runs in the writing transaction.
   */
  void stored(Agency agency, int year, Report report) {
    String city = city(agency);
    // The fingerprint reads only this report: made before the city's lock, which same-city
    // writers wait on until this transaction ends.
    TextFingerprint fingerprint = TextFingerprint.of(report.narrative());
    // The next year changes only where the agency has a report for it (re-evaluated against this
    // one): only then is its row counted and locked, so that writers of one city take turns per
    // year, not per pair of years. The agency's own lock (taken with the roll-up totals) keeps
    // that report from appearing or going meanwhile.
    Optional<Report> next = currentReport(agency.id, year + 1);
    PlausibilityStore.countChange(city, year, next.isPresent());
    Map<Long, BigDecimal> matchedBefore = closestMatchOf(agency, year);
    index(agency, city, year, fingerprint);
    List<PlausibilityStore.Shared> shared =
        fingerprint.isEmpty() ? List.of() : sharedWith(city, year, agency.id, fingerprint.ngrams());
    Evaluation evaluation =
        evaluation(agency, year, report, fingerprint, closest(shared, fingerprint));
    keep(agency, year, fingerprint, evaluation, closestAgencyId(shared));
    next.ifPresent(n -> reevaluateNextYear(agency, year, n));
    // Others of the city: this text may now be their closest match, or no longer be.
    raiseWhereCloser(agency, year, shared);
    matchedBefore.forEach(
        (other, before) -> {
          BigDecimal now =
              shared.stream()
                  .filter(s -> s.agencyId() == other)
                  .map(PlausibilityStore.Shared::share)
                  .findFirst()
                  .orElse(BigDecimal.ZERO);
          if (now.compareTo(before) < 0) {
            recomputeSameCity(other, year);
          }
        });
  }

  /** The agency's report for the year was withdrawn: it leaves the index and every comparison. */
  void withdrawn(Agency agency, int year) {
    String city = city(agency);
    countChange(city, year);
    Map<Long, BigDecimal> matchedBefore = closestMatchOf(agency, year);
    index(agency, city, year, TextFingerprint.of(""));
    PlausibilityStore.delete(agency.id, year);
    reevaluateNextYear(agency, year);
    for (Long other : matchedBefore.keySet()) {
      recomputeSameCity(other, year);
    }
  }

  /**
   * The agency moved to another division: when that is another city, its narratives are compared
   * with its new city's from now on, and no longer with its old city's.
   */
  void moved(Agency agency, String previousDivisionCode) {
    String before = Division.cityOf(previousDivisionCode);
    String now = city(agency);
    if (before.equals(now)) {
      return;
    }
    for (int year : PlausibilityStore.years(agency.id)) {
      // Both cities' counters, in code order: the lock order every writer follows.
      countChange(before.compareTo(now) < 0 ? before : now, year);
      countChange(before.compareTo(now) < 0 ? now : before, year);
      Map<Long, BigDecimal> matchedBefore = closestMatchOf(agency, year);
      PlausibilityStore.moveIndex(agency.id, year, now);
      for (Long other : matchedBefore.keySet()) {
        recomputeSameCity(other, year);
      }
      int[] ngrams = PlausibilityStore.ngramsOf(agency.id, year);
      if (ngrams.length > 0) {
        raiseWhereCloser(agency, year, sharedWith(now, year, agency.id, ngrams));
      }
      recomputeSameCity(agency.id, year);
    }
  }

  /**
   * Counts a change to the city's plausibility of the year, and of the next (re-evaluated against
   * it). The rows are locked in year order before anything else is written, so that writers of one
   * city and year take turns (each may update the others' closest match) and never deadlock. Runs
   * after the roll-up totals (observer priority), so it adds no wait to writers of other cities.
   */
  private static void countChange(String city, int year) {
    PlausibilityStore.countChange(city, year);
  }

  // ---- evaluation

  private Evaluation evaluation(
      Agency agency, int year, Report report, TextFingerprint fingerprint, Closest closest) {
    Thresholds t = thresholds();
    Optional<Report> previous = currentReport(agency.id, year - 1);
    List<RuleViolation> findings = new ArrayList<>();
    findings.addAll(PlausibilityChecks.narrativeMismatch(report, year, agency.name));
    previous.ifPresent(p -> findings.addAll(PlausibilityChecks.yearJump(report, p, t)));
    BigDecimal previousShare =
        previous
            .map(p -> TextFingerprint.of(p.narrative()))
            .filter(p -> !p.isEmpty() && !fingerprint.isEmpty())
            .map(p -> PlausibilityChecks.share(fingerprint.shareFoundIn(p)))
            .orElse(null);
    return new Evaluation(
        List.copyOf(findings),
        fingerprint.characters(),
        previousShare,
        fingerprint.isEmpty() ? null : closest.share(),
        closest.agencyCode());
  }

  record Closest(BigDecimal share, String agencyCode) {}

  /** The closest: the most n-grams shared (sharedWith orders by that). */
  private static Closest closest(
      List<PlausibilityStore.Shared> shared, TextFingerprint fingerprint) {
    return shared.stream()
        .findFirst()
        .map(
            s ->
                new Closest(
                    PlausibilityChecks.share((double) s.shared() / fingerprint.ngrams().length),
                    s.code()))
        .orElse(new Closest(BigDecimal.ZERO, null));
  }

  private static Long closestAgencyId(List<PlausibilityStore.Shared> shared) {
    return shared.stream().findFirst().map(PlausibilityStore.Shared::agencyId).orElse(null);
  }

  private static List<PlausibilityStore.Shared> sharedWith(
      String city, int year, long excluded, int[] ngrams) {
    return PlausibilityStore.sharedWith(city, year, excluded, ngrams);
  }

  // ---- storage

  private void index(Agency agency, String city, int year, TextFingerprint fingerprint) {
    PlausibilityStore.index(agency.id, city, year, fingerprint.ngrams());
  }

  private void keep(
      Agency agency,
      int year,
      TextFingerprint fingerprint,
      Evaluation evaluation,
      Long sameCityAgencyId) {
    PlausibilityStore.keep(
        agency.id,
        year,
        fingerprint.characters(),
        fingerprint.ngrams().length,
        evaluation.previousYearShare(),
        evaluation.sameCityShare(),
        sameCityAgencyId,
        writeFindings(evaluation.findings()),
        rules(evaluation.findings()));
  }

  /** The next year's report compares with this one: its YEAR_JUMP and previous-year share. */
  private void reevaluateNextYear(Agency agency, int year) {
    currentReport(agency.id, year + 1).ifPresent(next -> reevaluateNextYear(agency, year, next));
  }

  private void reevaluateNextYear(Agency agency, int year, Report next) {
    TextFingerprint fingerprint = TextFingerprint.of(next.narrative());
    Evaluation kept = current(agency, year + 1).orElse(Evaluation.NONE);
    Evaluation evaluation =
        evaluation(
            agency,
            year + 1,
            next,
            fingerprint,
            new Closest(kept.sameCityShare(), kept.sameCityAgency()));
    PlausibilityStore.reevaluated(
        agency.id,
        year + 1,
        evaluation.previousYearShare(),
        writeFindings(evaluation.findings()),
        rules(evaluation.findings()));
  }

  /**
   * The reports that share text with the agency's now: where the share of theirs found in it is
   * higher than their closest match so far, it becomes their closest match. One statement.
   */
  private void raiseWhereCloser(Agency agency, int year, List<PlausibilityStore.Shared> shared) {
    if (shared.isEmpty()) {
      return;
    }
    PlausibilityStore.raiseWhereCloser(agency.id, year, shared);
  }

  /** Finds the closest match of another agency's report again, from its own n-grams. */
  private void recomputeSameCity(long agencyId, int year) {
    Optional<String> city = PlausibilityStore.cityIndexed(agencyId, year);
    if (city.isEmpty()) {
      PlausibilityStore.setSameCity(agencyId, year, null, null);
      return;
    }
    int[] ngrams = PlausibilityStore.ngramsOf(agencyId, year);
    List<PlausibilityStore.Shared> shared = sharedWith(city.get(), year, agencyId, ngrams);
    Optional<PlausibilityStore.Shared> best = shared.stream().findFirst();
    PlausibilityStore.setSameCity(
        agencyId,
        year,
        best.map(s -> PlausibilityChecks.share((double) s.shared() / ngrams.length))
            .orElse(BigDecimal.ZERO),
        best.map(PlausibilityStore.Shared::agencyId).orElse(null));
  }

  /** The reports of the year whose closest match is the agency's report, with that share. */
  private static Map<Long, BigDecimal> closestMatchOf(Agency agency, int year) {
    return PlausibilityStore.closestMatchOf(agency.id, year);
  }

  private Optional<Report> currentReport(long agencyId, int year) {
    return PlausibilityStore.currentContent(agencyId, year)
        .map(content -> read(content, Report.class));
  }

  /** The city (地级) of the agency's division: 640521 → 640500; a province's own agencies 640000. */
  static String city(Agency agency) {
    return Division.cityOf(agency.divisionCode);
  }

  private static String[] rules(List<RuleViolation> findings) {
    return findings.stream().map(v -> v.rule().name()).distinct().sorted().toArray(String[]::new);
  }

  private String writeFindings(List<RuleViolation> findings) {
    try {
      return json.writeValueAsString(findings);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<RuleViolation> readFindings(String text) {
    try {
      return json.readValue(text, new TypeReference<List<RuleViolation>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.disclosurehub.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
import org.disclosurehub.report.YearEnd;
import org.disclosurehub.system.HubConfig;

/**
 * Runs the plausibility checks (NARRATIVE_MISMATCH, TEXT_REUSE, YEAR_JUMP) and keeps what they
 * found for every current report in {@code report_plausibility}, with the n-grams of the narratives
 * in {@code narrative_fingerprint}; both are written in the transaction that makes a revision
 * current.
 *
 * <p>TEXT_REUSE against the city counts, per other agency of the city and year, the n-grams it
 * shares with the narrative, in one statement that intersects their sorted arrays in PostgreSQL
 * (SameCityLookup): a few microseconds per report of the city, whatever text they share. A change
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

    /** As it reads back from report_plausibility, whose shares have 4 decimals. */
    Evaluation asStored() {
      return new Evaluation(
          findings, characters, stored(previousYearShare), stored(sameCityShare), sameCityAgency);
    }

    private static BigDecimal stored(BigDecimal share) {
      return share == null ? null : share.setScale(4, RoundingMode.HALF_UP);
    }

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
            : SameCityLookup.sharedWith(city(agency), year, agency.id, fingerprint.ngrams());
    return own(agency, year, report, fingerprint, currentReport(agency.id, year - 1))
        .with(closest(shared, fingerprint));
  }

  /**
   * What a filing's answer needs of the checks, as kept: the evaluation, and what the previous
   * year's report hands on (CARRY_OVER, IN_FORCE). The answer is built from it after the commit.
   */
  record Kept(Evaluation evaluation, Optional<YearEnd> previousYear) {}

  /**
   * The report just became the agency's current one for the year: evaluate and keep it, index its
   * narrative, and re-evaluate the neighbours this changes. Runs in the writing transaction after
   * the roll-up totals (SubmissionService calls it once the event's observers have run): their lock
   * of the agency's row keeps its other years from changing until the commit, so the previous and
   * next years are read and compared before the city's lock, which same-city writers wait on until
   * the commit. The city's index is looked up before that lock too, and again under it only if
   * another writer of the city and year committed in between; under it, the index and the
   * comparisons with it are written.
   */
  Kept stored(Agency agency, int year, Report report) {
    return stored(agency, year, report, null);
  }

  /**
   * As {@link #stored(Agency, int, Report)}, for a filing at {@code at}: the instant the
   * plausibility history gives the changes (null: the transaction's start, as for a backfill).
   */
  Kept stored(Agency agency, int year, Report report, Instant at) {
    String city = city(agency);
    TextFingerprint fingerprint = TextFingerprint.of(report.narrative());
    PlausibilityAround around = PlausibilityAround.of(agency.id, year, at);
    Optional<Report> previous = around.previous().map(ReportJson::readReport);
    Own own = own(agency, year, report, fingerprint, previous);
    // The next year changes only where the agency has a report for it (re-evaluated against this
    // one): only then is its row counted and locked, so that writers of one city take turns per
    // year, not per pair of years.
    Optional<Own> next =
        around
            .next()
            .map(ReportJson::readReport)
            .map(n -> own(agency, year + 1, n, Optional.of(report)));
    // The reports sharing text, looked up before the city's lock (most of the work).
    Optional<SameCityLookup> looked =
        fingerprint.isEmpty()
            ? Optional.empty()
            : Optional.of(SameCityLookup.before(city, year, agency.id, fingerprint.ngrams()));
    // The city's lock: its rows in year order before anything of the city is written, so that
    // writers of one city and year take turns (each may change the others' closest match).
    if (looked.isEmpty() && !around.indexed()) {
      // No narrative in the index, before or now: nothing of the city is read or written, so the
      // lock goes with the keep, in one round trip, and is held from it to the commit.
      Evaluation evaluation = own.with(closest(List.of(), fingerprint));
      keep(
          Optional.of(new PlausibilityStore.CountChange(city, next.isPresent())),
          agency,
          year,
          fingerprint,
          evaluation,
          null);
      next.ifPresent(n -> reevaluated(agency, year + 1, n));
      return new Kept(evaluation.asStored(), previous.map(YearEnd::of));
    }
    long version = PlausibilityStore.countChange(city, year, next.isPresent());
    // Another report has this one as its closest match (share above 0) only while its narrative
    // is indexed: leaving the index finds theirs again. Not indexed, nothing is to be undone.
    Map<Long, BigDecimal> matchedBefore =
        around.indexed() ? PlausibilityStore.closestMatchOf(agency.id, year) : Map.of();
    if (around.indexed() || !fingerprint.isEmpty()) {
      PlausibilityStore.index(agency.id, city, year, fingerprint.ngrams(), around.indexed());
    }
    // Looked up again only if another writer of the city and year committed since.
    List<PlausibilityStore.Shared> shared = looked.map(l -> l.under(version)).orElse(List.of());
    Evaluation evaluation = own.with(closest(shared, fingerprint));
    keep(Optional.empty(), agency, year, fingerprint, evaluation, closestAgencyId(shared));
    next.ifPresent(n -> reevaluated(agency, year + 1, n));
    // Others of the city: where the share of theirs found in this text is higher than their
    // closest match so far, it becomes their closest match (one statement); or no longer is.
    if (!shared.isEmpty()) {
      PlausibilityStore.raiseWhereCloser(agency.id, year, shared);
    }
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
    return new Kept(evaluation.asStored(), previous.map(YearEnd::of));
  }

  /** The agency's report for the year was withdrawn: it leaves the index and every comparison. */
  void withdrawn(Agency agency, int year) {
    String city = city(agency);
    PlausibilityStore.countChange(city, year, true);
    Map<Long, BigDecimal> matchedBefore = PlausibilityStore.closestMatchOf(agency.id, year);
    PlausibilityStore.index(agency.id, city, year, new int[0], true);
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
      PlausibilityStore.countChange(before.compareTo(now) < 0 ? before : now, year, true);
      PlausibilityStore.countChange(before.compareTo(now) < 0 ? now : before, year, true);
      Map<Long, BigDecimal> matchedBefore = PlausibilityStore.closestMatchOf(agency.id, year);
      PlausibilityStore.moveIndex(agency.id, year, now);
      for (Long other : matchedBefore.keySet()) {
        recomputeSameCity(other, year);
      }
      int[] ngrams = PlausibilityStore.ngramsOf(agency.id, year);
      if (ngrams.length > 0) {
        PlausibilityStore.raiseWhereCloser(
            agency.id, year, SameCityLookup.sharedWith(now, year, agency.id, ngrams));
      }
      recomputeSameCity(agency.id, year);
    }
  }

  // ---- evaluation

  /** What the checks find without the city: NARRATIVE_MISMATCH, YEAR_JUMP, the previous share. */
  private record Own(List<RuleViolation> findings, TextFingerprint text, BigDecimal previousShare) {
    Evaluation with(Closest closest) {
      return new Evaluation(
          findings,
          text.characters(),
          previousShare,
          text.isEmpty() ? null : closest.share(),
          closest.agencyCode());
    }
  }

  private Own own(Agency agency, int year, Report report, Optional<Report> previous) {
    return own(agency, year, report, TextFingerprint.of(report.narrative()), previous);
  }

  private Own own(
      Agency agency,
      int year,
      Report report,
      TextFingerprint fingerprint,
      Optional<Report> previous) {
    List<RuleViolation> findings = new ArrayList<>();
    findings.addAll(PlausibilityChecks.narrativeMismatch(report, year, agency.name));
    previous.ifPresent(p -> findings.addAll(PlausibilityChecks.yearJump(report, p, thresholds())));
    BigDecimal previousShare =
        previous
            .map(p -> TextFingerprint.of(p.narrative()))
            .filter(p -> !p.isEmpty() && !fingerprint.isEmpty())
            .map(p -> PlausibilityChecks.share(fingerprint.shareFoundIn(p)))
            .orElse(null);
    return new Own(List.copyOf(findings), fingerprint, previousShare);
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

  // ---- storage

  private void keep(
      Optional<PlausibilityStore.CountChange> first,
      Agency agency,
      int year,
      TextFingerprint fingerprint,
      Evaluation evaluation,
      Long sameCityAgencyId) {
    PlausibilityStore.keep(
        first,
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
    currentReport(agency.id, year + 1)
        .ifPresent(
            next ->
                reevaluated(
                    agency, year + 1, own(agency, year + 1, next, currentReport(agency.id, year))));
  }

  private void reevaluated(Agency agency, int year, Own own) {
    PlausibilityStore.reevaluated(
        agency.id, year, own.previousShare(), writeFindings(own.findings()), rules(own.findings()));
  }

  /** Finds the closest match of another agency's report again, from its own n-grams. */
  private void recomputeSameCity(long agencyId, int year) {
    Optional<String> city = PlausibilityStore.cityIndexed(agencyId, year);
    if (city.isEmpty()) {
      PlausibilityStore.setSameCity(agencyId, year, null, null);
      return;
    }
    int[] ngrams = PlausibilityStore.ngramsOf(agencyId, year);
    List<PlausibilityStore.Shared> shared =
        SameCityLookup.sharedWith(city.get(), year, agencyId, ngrams);
    Optional<PlausibilityStore.Shared> best = shared.stream().findFirst();
    PlausibilityStore.setSameCity(
        agencyId,
        year,
        best.map(s -> PlausibilityChecks.share((double) s.shared() / ngrams.length))
            .orElse(BigDecimal.ZERO),
        best.map(PlausibilityStore.Shared::agencyId).orElse(null));
  }

  private Optional<Report> currentReport(long agencyId, int year) {
    return PlausibilityStore.currentContent(agencyId, year).map(ReportJson::readReport);
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
}

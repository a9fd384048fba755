package org.disclosurehub.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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
    List<Shared> shared =
        fingerprint.isEmpty()
            ? List.of()
            : sharedWith(city(agency), year, agency.id, fingerprint.ngrams());
    return evaluation(agency, year, report, fingerprint, closest(shared, fingerprint));
  }

  /** What was stored for the agency's current report of the year, if it was evaluated. */
  Optional<Evaluation> current(Agency agency, int year) {
    List<?> rows =
        em().createNativeQuery(
                """
                select p.findings::text, p.characters, p.previous_year_share, p.same_city_share,
                       a.code
                from report_plausibility p left join agency a on a.id = p.same_city_agency_id
                where p.agency_id = ?1 and p.year = ?2
                """)
            .setParameter(1, agency.id)
            .setParameter(2, year)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            row -> {
              Object[] v = (Object[]) row;
              return new Evaluation(
                  readFindings((String) v[0]),
                  ((Number) v[1]).intValue(),
                  (BigDecimal) v[2],
                  (BigDecimal) v[3],
                  (String) v[4]);
            });
  }

  /**
   * The report just became the agency's current one for the year: evaluate and keep it, index its
   * narrative, and re-evaluate the neighbours this changes. Runs in the writing transaction.
   */
  void stored(Agency agency, int year, Report report) {
    String city = city(agency);
    countChange(city, year);
    TextFingerprint fingerprint = TextFingerprint.of(report.narrative());
    Map<Long, BigDecimal> matchedBefore = closestMatchOf(agency, year);
    index(agency, city, year, fingerprint);
    List<Shared> shared =
        fingerprint.isEmpty() ? List.of() : sharedWith(city, year, agency.id, fingerprint.ngrams());
    Evaluation evaluation =
        evaluation(agency, year, report, fingerprint, closest(shared, fingerprint));
    keep(agency, year, fingerprint, evaluation, closestAgencyId(shared));
    reevaluateNextYear(agency, year);
    // Others of the city: this text may now be their closest match, or no longer be.
    raiseWhereCloser(agency, year, shared);
    matchedBefore.forEach(
        (other, before) -> {
          BigDecimal now =
              shared.stream()
                  .filter(s -> s.agencyId() == other)
                  .map(Shared::share)
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
    em().createNativeQuery("delete from report_plausibility where agency_id = ?1 and year = ?2")
        .setParameter(1, agency.id)
        .setParameter(2, year)
        .executeUpdate();
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
    List<?> years =
        em().createNativeQuery(
                "select year from report_plausibility where agency_id = ?1 order by year")
            .setParameter(1, agency.id)
            .getResultList();
    for (Object y : years) {
      int year = ((Number) y).intValue();
      // Both cities' counters, in code order: the lock order every writer follows.
      countChange(before.compareTo(now) < 0 ? before : now, year);
      countChange(before.compareTo(now) < 0 ? now : before, year);
      Map<Long, BigDecimal> matchedBefore = closestMatchOf(agency, year);
      em().createNativeQuery(
              "update narrative_ngram set city = ?1 where agency_id = ?2 and year = ?3")
          .setParameter(1, now)
          .setParameter(2, agency.id)
          .setParameter(3, year)
          .executeUpdate();
      for (Long other : matchedBefore.keySet()) {
        recomputeSameCity(other, year);
      }
      int[] ngrams = ngramsOf(agency.id, year);
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
    em().createNativeQuery(
            """
            insert into plausibility_version (city, year, version)
            values (?1, ?2, 1), (?1, ?2 + 1, 1)
            on conflict (city, year) do update set version = plausibility_version.version + 1
            """)
        .setParameter(1, city)
        .setParameter(2, year)
        .executeUpdate();
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

  /**
   * Another agency's report sharing {@code shared} n-grams with a narrative; it has {@code ngrams}.
   */
  record Shared(long agencyId, String code, int shared, int ngrams) {
    /** The share of the other's narrative found in this one. */
    BigDecimal share() {
      return PlausibilityChecks.share(ngrams == 0 ? 0 : (double) shared / ngrams);
    }
  }

  record Closest(BigDecimal share, String agencyCode) {}

  /** The closest: the most n-grams shared (sharedWith orders by that). */
  private static Closest closest(List<Shared> shared, TextFingerprint fingerprint) {
    return shared.stream()
        .findFirst()
        .map(
            s ->
                new Closest(
                    PlausibilityChecks.share((double) s.shared() / fingerprint.ngrams().length),
                    s.code()))
        .orElse(new Closest(BigDecimal.ZERO, null));
  }

  private static Long closestAgencyId(List<Shared> shared) {
    return shared.stream().findFirst().map(Shared::agencyId).orElse(null);
  }

  /**
   * Every other agency of the city with a narrative of the year that shares n-grams with these, by
   * index lookups of these n-grams only (?1 city, ?2 year, ?3 the agency left out, ?4 the n-grams).
   */
  static final String SHARED_WITH =
      """
      with shared as materialized (
        select n.agency_id, count(*)::int as shared
        from unnest(cast(?4 as integer[])) as q(ngram)
        join narrative_ngram n on n.ngram = q.ngram and n.city = ?1 and n.year = ?2
        where n.agency_id <> ?3
        group by n.agency_id)
      select s.agency_id, a.code, s.shared, p.ngrams
      from shared s
      join agency a on a.id = s.agency_id
      join report_plausibility p on p.agency_id = s.agency_id and p.year = ?2
      order by s.shared desc, a.code
      """;

  private List<Shared> sharedWith(String city, int year, long excluded, int[] ngrams) {
    List<?> rows =
        em().createNativeQuery(SHARED_WITH)
            .setParameter(1, city)
            .setParameter(2, year)
            .setParameter(3, excluded)
            .setParameter(4, arrayLiteral(ngrams))
            .getResultList();
    return rows.stream()
        .map(
            row -> {
              Object[] v = (Object[]) row;
              return new Shared(
                  ((Number) v[0]).longValue(),
                  (String) v[1],
                  ((Number) v[2]).intValue(),
                  ((Number) v[3]).intValue());
            })
        .toList();
  }

  // ---- storage

  private void index(Agency agency, String city, int year, TextFingerprint fingerprint) {
    em().createNativeQuery("delete from narrative_ngram where agency_id = ?1 and year = ?2")
        .setParameter(1, agency.id)
        .setParameter(2, year)
        .executeUpdate();
    if (!fingerprint.isEmpty()) {
      em().createNativeQuery(
              """
              insert into narrative_ngram (city, year, ngram, agency_id)
              select ?1, ?2, unnest(cast(?3 as integer[])), ?4
              """)
          .setParameter(1, city)
          .setParameter(2, year)
          .setParameter(3, arrayLiteral(fingerprint.ngrams()))
          .setParameter(4, agency.id)
          .executeUpdate();
    }
  }

  private void keep(
      Agency agency,
      int year,
      TextFingerprint fingerprint,
      Evaluation evaluation,
      Long sameCityAgencyId) {
    em().createNativeQuery(
            """
            insert into report_plausibility (agency_id, year, characters, ngrams,
                previous_year_share, same_city_share, same_city_agency_id, findings, rules)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb), cast(?9 as text[]))
            on conflict (agency_id, year) do update set
                characters = excluded.characters, ngrams = excluded.ngrams,
                previous_year_share = excluded.previous_year_share,
                same_city_share = excluded.same_city_share,
                same_city_agency_id = excluded.same_city_agency_id,
                findings = excluded.findings, rules = excluded.rules
            """)
        .setParameter(1, agency.id)
        .setParameter(2, year)
        .setParameter(3, fingerprint.characters())
        .setParameter(4, fingerprint.ngrams().length)
        .setParameter(5, evaluation.previousYearShare())
        .setParameter(6, evaluation.sameCityShare())
        .setParameter(7, sameCityAgencyId)
        .setParameter(8, writeFindings(evaluation.findings()))
        .setParameter(9, rulesLiteral(evaluation.findings()))
        .executeUpdate();
  }

  /** The next year's report compares with this one: its YEAR_JUMP and previous-year share. */
  private void reevaluateNextYear(Agency agency, int year) {
    currentReport(agency.id, year + 1)
        .ifPresent(
            next -> {
              TextFingerprint fingerprint = TextFingerprint.of(next.narrative());
              Evaluation kept = current(agency, year + 1).orElse(Evaluation.NONE);
              Evaluation evaluation =
                  evaluation(
                      agency,
                      year + 1,
                      next,
                      fingerprint,
                      new Closest(kept.sameCityShare(), kept.sameCityAgency()));
              em().createNativeQuery(
                      """
                      update report_plausibility set previous_year_share = ?3,
                          findings = cast(?4 as jsonb), rules = cast(?5 as text[])
                      where agency_id = ?1 and year = ?2
                      """)
                  .setParameter(1, agency.id)
                  .setParameter(2, year + 1)
                  .setParameter(3, evaluation.previousYearShare())
                  .setParameter(4, writeFindings(evaluation.findings()))
                  .setParameter(5, rulesLiteral(evaluation.findings()))
                  .executeUpdate();
            });
  }

  /**
   * The reports that share text with the agency's now: where the share of theirs found in it is
   * higher than their closest match so far, it becomes their closest match. One statement.
   */
  private void raiseWhereCloser(Agency agency, int year, List<Shared> shared) {
    if (shared.isEmpty()) {
      return;
    }
    em().createNativeQuery(
            """
            update report_plausibility p
            set same_city_share = s.share, same_city_agency_id = ?2
            from unnest(cast(?3 as bigint[]), cast(?4 as numeric[])) as s(agency_id, share)
            where p.agency_id = s.agency_id and p.year = ?1
              and (s.share > coalesce(p.same_city_share, 0)
                   or (p.same_city_agency_id = ?2 and s.share >= p.same_city_share))
            """)
        .setParameter(1, year)
        .setParameter(2, agency.id)
        .setParameter(
            3,
            shared.stream()
                .map(s -> Long.toString(s.agencyId()))
                .collect(Collectors.joining(",", "{", "}")))
        .setParameter(
            4,
            shared.stream()
                .map(s -> s.share().toPlainString())
                .collect(Collectors.joining(",", "{", "}")))
        .executeUpdate();
  }

  /** Finds the closest match of another agency's report again, from its own n-grams. */
  private void recomputeSameCity(long agencyId, int year) {
    List<?> rows =
        em().createNativeQuery(
                "select city from narrative_ngram where agency_id = ?1 and year = ?2 limit 1")
            .setParameter(1, agencyId)
            .setParameter(2, year)
            .getResultList();
    if (rows.isEmpty()) {
      setSameCity(agencyId, year, null, null);
      return;
    }
    int[] ngrams = ngramsOf(agencyId, year);
    List<Shared> shared = sharedWith((String) rows.get(0), year, agencyId, ngrams);
    Optional<Shared> best = shared.stream().findFirst();
    setSameCity(
        agencyId,
        year,
        best.map(s -> PlausibilityChecks.share((double) s.shared() / ngrams.length))
            .orElse(BigDecimal.ZERO),
        best.map(Shared::agencyId).orElse(null));
  }

  private int[] ngramsOf(long agencyId, int year) {
    Object literal =
        em().createNativeQuery(
                """
                select coalesce(array_agg(ngram order by ngram), '{}')::text
                from narrative_ngram where agency_id = ?1 and year = ?2
                """)
            .setParameter(1, agencyId)
            .setParameter(2, year)
            .getSingleResult();
    return parseArray((String) literal);
  }

  private void setSameCity(long agencyId, int year, BigDecimal share, Long closest) {
    em().createNativeQuery(
            """
            update report_plausibility set same_city_share = ?3, same_city_agency_id = ?4
            where agency_id = ?1 and year = ?2
            """)
        .setParameter(1, agencyId)
        .setParameter(2, year)
        .setParameter(3, share)
        .setParameter(4, closest)
        .executeUpdate();
  }

  /** The reports of the year whose closest match is the agency's report, with that share. */
  private Map<Long, BigDecimal> closestMatchOf(Agency agency, int year) {
    Map<Long, BigDecimal> found = new LinkedHashMap<>();
    for (Object row :
        em().createNativeQuery(
                """
                select agency_id, same_city_share from report_plausibility
                where same_city_agency_id = ?1 and year = ?2
                """)
            .setParameter(1, agency.id)
            .setParameter(2, year)
            .getResultList()) {
      Object[] v = (Object[]) row;
      found.put(((Number) v[0]).longValue(), (BigDecimal) v[1]);
    }
    return found;
  }

  private Optional<Report> currentReport(long agencyId, int year) {
    List<?> rows =
        em().createNativeQuery(
                """
                select v.content::text from report r
                join report_revision v on v.report_id = r.id and v.revision = r.current_revision
                where r.agency_id = ?1 and r.year = ?2 and not v.withdrawn
                """)
            .setParameter(1, agencyId)
            .setParameter(2, year)
            .getResultList();
    return rows.stream().findFirst().map(content -> read((String) content, Report.class));
  }

  /** The city (地级) of the agency's division: 640521 → 640500; a province's own agencies 640000. */
  static String city(Agency agency) {
    return Division.cityOf(agency.divisionCode);
  }

  private static String arrayLiteral(int[] values) {
    return Arrays.stream(values)
        .mapToObj(Integer::toString)
        .collect(Collectors.joining(",", "{", "}"));
  }

  private static int[] parseArray(String literal) {
    String inner = literal.substring(1, literal.length() - 1);
    return inner.isEmpty()
        ? new int[0]
        : Arrays.stream(inner.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  private static String rulesLiteral(List<RuleViolation> findings) {
    return findings.stream()
        .map(v -> v.rule().name())
        .distinct()
        .sorted()
        .collect(Collectors.joining(",", "{", "}"));
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

  private static EntityManager em() {
    return Panache.getEntityManager();
  }
}

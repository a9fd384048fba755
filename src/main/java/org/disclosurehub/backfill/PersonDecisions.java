package org.disclosurehub.backfill;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.disclosurehub.sql.Rows;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.ProblemType;

/** What people decide for the files of a job that wait for them, recorded with who and when. */
@ApplicationScoped
class PersonDecisions {
  private final ImportJobs jobs;
  private final Clock clock;

  PersonDecisions(ImportJobs jobs, Clock clock) {
    this.jobs = jobs;
    this.clock = clock;
  }

  /**
   * A person's decision on a waiting file: an agency or year queues it to be read again with them,
   * replace queues it to be stored over the current revision, keep leaves the current revision as
   * it is. Recorded with who and when.
   */
  void decide(long job, int position, String agency, Integer year, String decision, String by) {
    Rows.Row f =
        Rows.select(
                """
                select id, state, reason from import_job_file
                where job_id = :job and position = :position for update""")
            .set("job", job)
            .set("position", position)
            .row();
    if (f == null) {
      throw ProblemException.notFound("No file " + position + " in import job " + job);
    }
    if (!"waiting".equals(f.get("state"))) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "File "
              + position
              + " is "
              + f.get("state")
              + "; only a file that waits for a person can be decided");
    }
    if ("replace".equals(decision) && !"conflict".equals(f.get("reason"))) {
      throw ProblemException.invalidParameter(
          "decision", "replace applies only to a file that differs from the current revision");
    }
    long file = ((Number) f.get("id")).longValue();
    Instant now = now();
    Rows.update(
            """
            insert into import_job_decision (file_id, decided_by, decided_at, agency_code, year,
                                             decision)
            values (:file, :by, :now, :agency, :year, :decision)""")
        .set("file", file)
        .set("by", by)
        .set("now", now)
        .set("agency", agency)
        .set("year", year)
        .set("decision", decision)
        .run();
    Rows.update(
            """
            update import_job_file
            set state = case when :kind = 'keep' then 'kept' else 'queued' end,
                processed_at = case when :kind = 'keep' then cast(:now as timestamptz) end,
                agency_code = coalesce(:agency, agency_code),
                agency_from = case when cast(:agency as text) is null then agency_from else :chosen end,
                year = coalesce(:year, year),
                decision = coalesce(:decision, decision)
            where id = :file""")
        .set("kind", decision == null ? "" : decision)
        .set("decision", decision)
        .set("now", now)
        .set("agency", agency)
        .set("chosen", "person")
        .set("year", year)
        .set("file", file)
        .run();
    jobs.settle(job);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}

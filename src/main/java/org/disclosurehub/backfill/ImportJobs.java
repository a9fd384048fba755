package org.disclosurehub.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.disclosurehub.sql.Rows;
import org.disclosurehub.system.HubConfig;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.ProblemType;

/** Import jobs and their files as rows: created from an archive, read, and decided. */
@ApplicationScoped
class ImportJobs {
  private final ImportJobConfig limits;
  private final HubConfig config;
  private final Clock clock;
  private final ObjectMapper json;

  ImportJobs(ImportJobConfig limits, HubConfig config, Clock clock, ObjectMapper json) {
    this.limits = limits;
    this.config = config;
    this.clock = clock;
    this.json = json;
  }

  /** A file claimed by a worker: locked until its transaction ends. */
  record Claimed(
      long id,
      long job,
      int position,
      String name,
      String mediaType,
      byte[] content,
      String agency,
      String agencyFrom,
      Integer year,
      String decision,
      String division,
      String createdBy) {}

  /** What a worker decided for a file. */
  record Outcome(
      String state,
      String reason,
      JsonNode detail,
      String agency,
      String agencyFrom,
      Integer year,
      LocalDate publishedOn,
      Integer cellsRead,
      Integer violations,
      Integer revision) {}

  /**
   * Takes the archive apart and keeps the job and its files, in one transaction: an archive refused
   * on its tenth thousand entry leaves nothing behind.
   */
  long create(String division, String author, InputStream body) {
    ArchiveIntake intake = new ArchiveIntake(limits, config.maxImportBytes());
    return QuarkusTransaction.requiringNew()
        .timeout((int) Duration.ofHours(1).toSeconds())
        .call(
            () -> {
              Instant now = now();
              long job =
                  ((Number)
                          Rows.select(
                                  """
                                  insert into import_job (division_code, created_by, created_at,
                                                          archive_bytes, file_count)
                                  values (:division, :author, :now, 0, 0)
                                  returning id""")
                              .set("division", division)
                              .set("author", author)
                              .set("now", now)
                              .row()
                              .get(0))
                      .longValue();
              int[] position = {0};
              long size;
              try {
                size = intake.read(body, file -> insertFile(job, ++position[0], file));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              if (position[0] == 0) {
                throw new ProblemException(
                    ProblemType.ARCHIVE_REFUSED,
                    "The archive holds no file (folders and system files aside); nothing was"
                        + " stored");
              }
              Rows.update(
                      """
                      update import_job set archive_bytes = :size, file_count = :count
                      where id = :job""")
                  .set("size", size)
                  .set("count", position[0])
                  .set("job", job)
                  .run();
              return job;
            });
  }

  private void insertFile(long job, int position, ArchiveIntake.ArchivedFile file) {
    boolean refused = file.refusal() != null;
    Rows.update(
            """
            insert into import_job_file (job_id, position, name, media_type, size, content, state,
                                         reason, detail, processed_at, claim_order)
            values (:job, :position, :name, :mediaType, :size, :content, :state, :reason,
                    cast(:detail as jsonb), :processedAt, :claimOrder)""")
        .set("job", job)
        .set("position", position)
        .set("claimOrder", claimOrder(job, position))
        .set("name", file.name())
        .set("mediaType", file.mediaType())
        .set("size", file.size())
        .set("content", file.content())
        .set("state", refused ? "refused" : "queued")
        .set("reason", refused ? "unsupported" : null)
        .set("detail", refused ? notes(file.refusal()) : null)
        .set("processedAt", refused ? now() : null)
        .run();
  }

  private String notes(String note) {
    return json.createObjectNode().set("notes", json.createArrayNode().add(note)).toString();
  }

  /**
   * Jobs in the order they came; within a job, the archive's order scrambled (a multiplicative hash
   * of the position, a bijection on 31 bits): an archive lists one agency's years, or one year's
   * agencies, side by side, and workers taking neighbours would wait for each other's locks (the
   * agency's, the city and year's).
   */
  static long claimOrder(long job, int position) {
    return (job << 31) | ((position * 0x9E3779B1L) & 0x7FFFFFFFL);
  }

  private static final String CLAIMED_COLUMNS =
      """
      select f.id, f.job_id, f.position, f.name, f.media_type, f.content, f.agency_code,
             f.agency_from, f.year, f.decision, j.division_code, j.created_by, f.claim_order
      from import_job_file f join import_job j on j.id = f.job_id
      """;

  /**
   * The next queued files of one job, locked, at most {@code batch}: the first in claim order of
   * any job, then more of its job after it, but no more than the worker's share of what the job
   * still has queued (its queued files over {@code workers}), so that a job's last files are
   * decided by every worker at once rather than one after the other by one. Replicas skip what
   * another has locked. Empty when nothing is queued.
   */
  List<Claimed> claim(int batch, int workers) {
    Rows.Row first =
        Rows.select(
                CLAIMED_COLUMNS
                    + """
                    where f.state = 'queued'
                    order by f.claim_order
                    limit 1
                    for update of f skip locked""")
            .row();
    if (first == null) {
      return List.of();
    }
    List<Claimed> claimed = new ArrayList<>();
    claimed.add(claimedOf(first));
    if (batch > 1) {
      Rows.select(
              CLAIMED_COLUMNS
                  + """
                  where f.job_id = :job and f.state = 'queued' and f.claim_order > :after
                  order by f.claim_order
                  limit (select least(:more, (count(*) - 1) / :workers) from import_job_file
                         where job_id = :job and state = 'queued')
                  for update of f skip locked""")
          .set("job", claimed.get(0).job())
          .set("after", ((Number) first.get(12)).longValue())
          .set("more", batch - 1)
          .set("workers", Math.max(1, workers))
          .rows()
          .forEach(row -> claimed.add(claimedOf(row)));
    }
    return claimed;
  }

  private static Claimed claimedOf(Rows.Row row) {
    return new Claimed(
        ((Number) row.get(0)).longValue(),
        ((Number) row.get(1)).longValue(),
        ((Number) row.get(2)).intValue(),
        (String) row.get(3),
        (String) row.get(4),
        (byte[]) row.get(5),
        (String) row.get(6),
        (String) row.get(7),
        row.get(8) == null ? null : ((Number) row.get(8)).intValue(),
        (String) row.get(9),
        (String) row.get(10),
        (String) row.get(11));
  }

  /** Serializes what two workers (or replicas) decide for files of one agency and year. */
  void lockAgencyYear(String agency, int year) {
    Rows.select("select pg_advisory_xact_lock(hashtext(:key))::text")
        .set("key", "import-job:" + agency + ":" + year)
        .rows();
  }

  /** Whether the agency has a report of the year, withdrawn or not (read after its lock). */
  boolean hasReport(String agency, int year) {
    return !Rows.select(
            "select 1 from report r join agency a on a.id = r.agency_id"
                + " where a.code = :agency and r.year = :year")
        .set("agency", agency)
        .set("year", year)
        .rows()
        .isEmpty();
  }

  /** The outcomes of files claimed together, in one statement. */
  void record(List<Long> files, List<Outcome> outcomes) {
    ArrayNode rows = json.createArrayNode();
    for (int i = 0; i < files.size(); i++) {
      Outcome o = outcomes.get(i);
      ObjectNode row = rows.addObject();
      row.put("id", files.get(i));
      row.put("state", o.state());
      row.put("reason", o.reason());
      row.set("detail", o.detail());
      row.put("agency", o.agency());
      row.put("agencyFrom", o.agencyFrom());
      row.put("year", o.year());
      row.put("publishedOn", o.publishedOn() == null ? null : o.publishedOn().toString());
      row.put("cellsRead", o.cellsRead());
      row.put("violations", o.violations());
      row.put("revision", o.revision());
    }
    Rows.update(
            """
            update import_job_file f
            set state = o.state, reason = o.reason, detail = o.detail, agency_code = o.agency,
                agency_from = o."agencyFrom", year = o.year, published_on = o."publishedOn",
                cells_read = o."cellsRead", violation_count = o.violations,
                revision = o.revision, processed_at = :now
            from jsonb_to_recordset(cast(:rows as jsonb))
                 as o(id bigint, state text, reason text, detail jsonb, agency text,
                      "agencyFrom" text, year int, "publishedOn" date, "cellsRead" int,
                      violations int, revision int)
            where f.id = o.id""")
        .set("rows", rows.toString())
        .set("now", now())
        .run();
  }

  /**
   * The job's state from its files, under the job's row lock so that two workers finishing its last
   * files together see each other's; a finished job drops the archive's bytes (a duplicate's stay:
   * they are the second source of its revision).
   */
  void settle(long job) {
    // While the job runs and a file no worker holds is still queued, nothing changes: the common
    // case needs no lock on the job's row, which would make the workers take turns. Files other
    // workers hold are skipped, so that the last two files never both see the other still queued.
    Rows.Row running =
        Rows.select(
                """
                select j.state = 'running'
                       and exists (select 1 from import_job_file f
                                   where f.job_id = j.id and f.state = 'queued'
                                   for key share skip locked) as unchanged
                from import_job j where j.id = :job""")
            .set("job", job)
            .row();
    if (running != null && Boolean.TRUE.equals(running.get("unchanged"))) {
      return;
    }
    Rows.select("select id from import_job where id = :job for update").set("job", job).rows();
    Rows.Row counts =
        Rows.select(
                """
                select count(*) filter (where state = 'queued') as queued,
                       count(*) filter (where state = 'waiting') as waiting
                from import_job_file where job_id = :job""")
            .set("job", job)
            .row();
    long queued = ((Number) counts.get("queued")).longValue();
    long waiting = ((Number) counts.get("waiting")).longValue();
    String state = queued > 0 ? "running" : waiting > 0 ? "waiting" : "finished";
    Rows.update(
            """
            update import_job
            set state = :state,
                finished_at = case when :state = 'finished' then cast(:now as timestamptz) end
            where id = :job""")
        .set("state", state)
        .set("now", now())
        .set("job", job)
        .run();
    if (state.equals("finished")) {
      Rows.update(
              """
              update import_job_file set content = null
              where job_id = :job and state <> 'duplicate' and content is not null""")
          .set("job", job)
          .run();
    }
  }

  /** The division of a job, for the permission to decide its files. */
  Optional<String> division(long job) {
    Rows.Row row =
        Rows.select("select division_code from import_job where id = :job").set("job", job).row();
    return row == null ? Optional.empty() : Optional.of((String) row.get(0));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}

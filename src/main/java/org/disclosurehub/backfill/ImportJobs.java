package org.disclosurehub.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.disclosurehub.system.HubConfig;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.ProblemType;

/** Import jobs and their files as rows: created from an archive, read, and decided. */
@ApplicationScoped
class ImportJobs {
  private final EntityManager em;
  private final ImportJobConfig limits;
  private final HubConfig config;
  private final Clock clock;
  private final ObjectMapper json;

  ImportJobs(
      EntityManager em, ImportJobConfig limits, HubConfig config, Clock clock, ObjectMapper json) {
    this.em = em;
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
                          JobRows.select(
                                  em,
                                  """
                                  insert into import_job (division_code, created_by, created_at,
                                                          archive_bytes, file_count)
                                  values (:division, :author, :now, 0, 0)
                                  returning id""")
                              .set("division", division)
                              .set("author", author)
                              .set("now", now, Instant.class)
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
              JobRows.update(
                      em,
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
    JobRows.update(
            em,
            """
            insert into import_job_file (job_id, position, name, media_type, size, content, state,
                                         reason, detail, processed_at)
            values (:job, :position, :name, :mediaType, :size, :content, :state, :reason,
                    cast(:detail as jsonb), :processedAt)""")
        .set("job", job)
        .set("position", position)
        .set("name", file.name())
        .set("mediaType", file.mediaType(), String.class)
        .set("size", file.size())
        .set("content", file.content(), byte[].class)
        .set("state", refused ? "refused" : "queued")
        .set("reason", refused ? "unsupported" : null, String.class)
        .set("detail", refused ? notes(file.refusal()) : null, String.class)
        .set("processedAt", refused ? now() : null, Instant.class)
        .run();
  }

  private String notes(String note) {
    return json.createObjectNode().set("notes", json.createArrayNode().add(note)).toString();
  }

  /** The next queued file of any job, locked; replicas skip what another has locked. */
  Optional<Claimed> claim() {
    Tuple row =
        JobRows.select(
                em,
                """
                select f.id, f.job_id, f.position, f.name, f.media_type, f.content, f.agency_code,
                       f.agency_from, f.year, f.decision, j.division_code, j.created_by
                from import_job_file f join import_job j on j.id = f.job_id
                where f.state = 'queued'
                order by f.id
                limit 1
                for update of f skip locked""")
            .row();
    if (row == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Claimed(
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
            (String) row.get(11)));
  }

  /** Serializes what two workers (or replicas) decide for files of one agency and year. */
  void lockAgencyYear(String agency, int year) {
    JobRows.select(em, "select pg_advisory_xact_lock(hashtext(:key))::text")
        .set("key", "import-job:" + agency + ":" + year)
        .rows();
  }

  void record(long file, Outcome outcome) {
    JobRows.update(
            em,
            """
            update import_job_file
            set state = :state, reason = :reason, detail = cast(:detail as jsonb),
                agency_code = :agency, agency_from = :agencyFrom, year = :year,
                published_on = :publishedOn, cells_read = :cellsRead,
                violation_count = :violations, revision = :revision, processed_at = :now
            where id = :id""")
        .set("state", outcome.state())
        .set("reason", outcome.reason(), String.class)
        .set("detail", outcome.detail() == null ? null : outcome.detail().toString(), String.class)
        .set("agency", outcome.agency(), String.class)
        .set("agencyFrom", outcome.agencyFrom(), String.class)
        .set("year", outcome.year(), Integer.class)
        .set("publishedOn", outcome.publishedOn(), LocalDate.class)
        .set("cellsRead", outcome.cellsRead(), Integer.class)
        .set("violations", outcome.violations(), Integer.class)
        .set("revision", outcome.revision(), Integer.class)
        .set("now", now(), Instant.class)
        .set("id", file)
        .run();
  }

  /**
   * The job's state from its files, under the job's row lock so that two workers finishing its last
   * files together see each other's; a finished job drops the archive's bytes (a duplicate's stay:
   * they are the second source of its revision).
   */
  void settle(long job) {
    JobRows.select(em, "select id from import_job where id = :job for update")
        .set("job", job)
        .rows();
    Tuple counts =
        JobRows.select(
                em,
                """
                select count(*) filter (where state = 'queued') as queued,
                       count(*) filter (where state = 'waiting') as waiting
                from import_job_file where job_id = :job""")
            .set("job", job)
            .row();
    long queued = ((Number) counts.get("queued")).longValue();
    long waiting = ((Number) counts.get("waiting")).longValue();
    String state = queued > 0 ? "running" : waiting > 0 ? "waiting" : "finished";
    JobRows.update(
            em,
            """
            update import_job
            set state = :state,
                finished_at = case when :state = 'finished' then cast(:now as timestamptz) end
            where id = :job""")
        .set("state", state)
        .set("now", now(), Instant.class)
        .set("job", job)
        .run();
    if (state.equals("finished")) {
      JobRows.update(
              em,
              """
              update import_job_file set content = null
              where job_id = :job and state <> 'duplicate' and content is not null""")
          .set("job", job)
          .run();
    }
  }

  /** The job with its files, those in {@code state} only when given. */
  Optional<JobView> view(long id, String state) {
    Tuple job =
        JobRows.select(
                em,
                """
                select id, division_code, state, created_by, created_at, finished_at,
                       archive_bytes
                from import_job where id = :id""")
            .set("id", id)
            .row();
    if (job == null) {
      return Optional.empty();
    }
    Tuple counts =
        JobRows.select(
                em,
                """
                select count(*) as total,
                       count(*) filter (where state <> 'queued') as done,
                       count(*) filter (where state = 'stored') as stored,
                       count(*) filter (where state = 'unchanged') as unchanged,
                       count(*) filter (where state = 'duplicate') as duplicate,
                       count(*) filter (where state = 'waiting') as waiting,
                       count(*) filter (where state = 'kept') as kept,
                       count(*) filter (where state = 'refused') as refused,
                       count(*) filter (where state <> 'queued' and processed_at is not null)
                         as processed,
                       max(processed_at) as last
                from import_job_file where job_id = :id""")
            .set("id", id)
            .row();
    int total = count(counts, "total");
    int done = count(counts, "done");
    Instant created = instant(job.get("created_at"));
    Long secondsLeft = null;
    int processed = count(counts, "processed");
    if (done < total && processed > 0) {
      double seconds = Math.max(1, Duration.between(created, now()).toMillis() / 1000.0);
      secondsLeft = Math.round((total - done) * seconds / processed);
    } else if (done == total) {
      secondsLeft = 0L;
    }
    JobView.Progress progress =
        new JobView.Progress(
            total,
            done,
            count(counts, "stored"),
            count(counts, "unchanged"),
            count(counts, "duplicate"),
            count(counts, "waiting"),
            count(counts, "kept"),
            count(counts, "refused"),
            secondsLeft);
    List<JobView.FileView> files = new ArrayList<>();
    for (Tuple f :
        JobRows.select(
                em,
                """
                select position, name, media_type, size, state, reason, agency_code, agency_from,
                       year, published_on, cells_read, violation_count, revision, decision,
                       detail::text as detail
                from import_job_file
                where job_id = :id and (:state = '' or state = :state)
                order by position""")
            .set("id", id)
            .set("state", state == null ? "" : state)
            .rows()) {
      files.add(file(f, null));
    }
    return Optional.of(
        new JobView(
            id,
            (String) job.get("division_code"),
            (String) job.get("state"),
            (String) job.get("created_by"),
            created,
            instant(job.get("finished_at")),
            ((Number) job.get("archive_bytes")).longValue(),
            progress,
            files));
  }

  /** One file, with every decision made on it. */
  Optional<JobView.FileView> file(long job, int position) {
    Tuple f =
        JobRows.select(
                em,
                """
                select id, position, name, media_type, size, state, reason, agency_code,
                       agency_from, year, published_on, cells_read, violation_count, revision,
                       decision, detail::text as detail
                from import_job_file where job_id = :job and position = :position""")
            .set("job", job)
            .set("position", position)
            .row();
    if (f == null) {
      return Optional.empty();
    }
    List<JobView.Decision> decisions = new ArrayList<>();
    for (Tuple d :
        JobRows.select(
                em,
                """
                select decided_by, decided_at, agency_code, year, decision
                from import_job_decision where file_id = :file order by id""")
            .set("file", ((Number) f.get("id")).longValue())
            .rows()) {
      decisions.add(
          new JobView.Decision(
              (String) d.get(0),
              instant(d.get(1)),
              (String) d.get(2),
              d.get(3) == null ? null : ((Number) d.get(3)).intValue(),
              (String) d.get(4)));
    }
    return Optional.of(file(f, decisions));
  }

  /** The bytes of a file while they are kept, with its media type. */
  Optional<Tuple> content(long job, int position) {
    return Optional.ofNullable(
        JobRows.select(
                em,
                """
                select media_type, content from import_job_file
                where job_id = :job and position = :position and content is not null""")
            .set("job", job)
            .set("position", position)
            .row());
  }

  /** The division of a job, for the permission to decide its files. */
  Optional<String> division(long job) {
    Tuple row =
        JobRows.select(em, "select division_code from import_job where id = :job")
            .set("job", job)
            .row();
    return row == null ? Optional.empty() : Optional.of((String) row.get(0));
  }

  /**
   * A person's decision on a waiting file: an agency or year queues it to be read again with them,
   * replace queues it to be stored over the current revision, keep leaves the current revision as
   * it is. Recorded with who and when.
   */
  void decide(long job, int position, String agency, Integer year, String decision, String by) {
    Tuple f =
        JobRows.select(
                em,
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
    JobRows.update(
            em,
            """
            insert into import_job_decision (file_id, decided_by, decided_at, agency_code, year,
                                             decision)
            values (:file, :by, :now, :agency, :year, :decision)""")
        .set("file", file)
        .set("by", by)
        .set("now", now, Instant.class)
        .set("agency", agency, String.class)
        .set("year", year, Integer.class)
        .set("decision", decision, String.class)
        .run();
    JobRows.update(
            em,
            """
            update import_job_file
            set state = case when :kind = 'keep' then 'kept' else 'queued' end,
                processed_at = case when :kind = 'keep' then cast(:now as timestamptz) end,
                agency_code = coalesce(:agency, agency_code),
                agency_from = case when :agency is null then agency_from else :chosen end,
                year = coalesce(:year, year),
                decision = coalesce(:decision, decision)
            where id = :file""")
        .set("kind", decision == null ? "" : decision)
        .set("decision", decision, String.class)
        .set("now", now, Instant.class)
        .set("agency", agency, String.class)
        .set("chosen", "chosen by " + by)
        .set("year", year, Integer.class)
        .set("file", file)
        .run();
    settle(job);
  }

  private JobView.FileView file(Tuple f, List<JobView.Decision> decisions) {
    String detail = (String) f.get("detail");
    JsonNode detailNode;
    try {
      detailNode = detail == null ? null : json.readTree(detail);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Object published = f.get("published_on");
    return new JobView.FileView(
        ((Number) f.get("position")).intValue(),
        (String) f.get("name"),
        (String) f.get("media_type"),
        ((Number) f.get("size")).longValue(),
        (String) f.get("state"),
        (String) f.get("reason"),
        (String) f.get("agency_code"),
        (String) f.get("agency_from"),
        integer(f.get("year")),
        published == null
            ? null
            : published instanceof Date d ? d.toLocalDate() : (LocalDate) published,
        integer(f.get("cells_read")),
        integer(f.get("violation_count")),
        integer(f.get("revision")),
        (String) f.get("decision"),
        detailNode,
        decisions);
  }

  private static Integer integer(Object value) {
    return value == null ? null : ((Number) value).intValue();
  }

  private static int count(Tuple row, String name) {
    return ((Number) row.get(name)).intValue();
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    throw new IllegalStateException("not a time: " + value.getClass());
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}

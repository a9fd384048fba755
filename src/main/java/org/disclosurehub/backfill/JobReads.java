package org.disclosurehub.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.disclosurehub.sql.Rows;

/** What the API and the page show of a job: its progress, its files, their decisions. */
@ApplicationScoped
class JobReads {
  private final Clock clock;
  private final ObjectMapper json;

  JobReads(Clock clock, ObjectMapper json) {
    this.clock = clock;
    this.json = json;
  }

  /** The job with its files, those in {@code state} only when given. */
  Optional<JobView> view(long id, String state) {
    Rows.Row job =
        Rows.select(
                """
                select id, division_code, state, created_by, created_at, finished_at,
                       archive_bytes
                from import_job where id = :id""")
            .set("id", id)
            .row();
    if (job == null) {
      return Optional.empty();
    }
    Rows.Row counts =
        Rows.select(
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
    for (Rows.Row f :
        Rows.select(
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
    Rows.Row f =
        Rows.select(
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
    for (Rows.Row d :
        Rows.select(
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
  Optional<Rows.Row> content(long job, int position) {
    return Optional.ofNullable(
        Rows.select(
                """
                select media_type, content from import_job_file
                where job_id = :job and position = :position and content is not null""")
            .set("job", job)
            .set("position", position)
            .row());
  }

  private JobView.FileView file(Rows.Row f, List<JobView.Decision> decisions) {
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

  private static int count(Rows.Row row, String name) {
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
    return clock.instant();
  }
}

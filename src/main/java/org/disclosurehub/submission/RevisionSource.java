package org.disclosurehub.submission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;

/**
 * The published text an imported revision was read from, byte for byte, with the media type it was
 * sent as: what oversight staff check a questioned number against.
 */
@Entity
@Table(name = "report_revision_source")
public class RevisionSource extends PanacheEntityBase {
  @Id
  @Column(name = "revision_id")
  public Long revisionId;

  /** The Content-Type it was sent with, e.g. {@code text/html; charset=utf-8}. */
  @Column(name = "media_type")
  public String mediaType;

  public byte[] content;

  /** The source of one revision of a report, if that revision was imported. */
  public static Optional<RevisionSource> of(String agencyCode, int year, int revision) {
    return find(
            """
            from RevisionSource s
            where s.revisionId = (select r.id from ReportRevision r
                                  where r.report.agency.code = ?1 and r.report.year = ?2
                                    and r.revision = ?3)""",
            agencyCode,
            year,
            revision)
        .firstResultOptional();
  }
}

package org.disclosurehub.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One entry of a report's review, appended and never changed: a filing, a withdrawal, a reviewer's
 * decision, or a step of a warning's explanation. Numbered per (agency, year); the last number is
 * the review's entity tag.
 */
@Entity
@Table(name = "review_entry")
class ReviewEntry extends PanacheEntityBase {
  static final String FILED = "filed";
  static final String WITHDRAWN = "withdrawn";
  static final String RETURNED = "returned";
  static final String ACCEPTED = "accepted";
  static final String EXPLAINED = "explained";
  static final String CONFIRMED = "confirmed";
  static final String REJECTED = "rejected";
  static final String REOPENED = "reopened";

  /** The kinds that set the report's state; the others concern one warning. */
  static final List<String> STATES = List.of(FILED, WITHDRAWN, RETURNED, ACCEPTED);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "agency_id")
  public long agencyId;

  public int year;
  public int seq;
  public String kind;
  public int revision;
  public String author;
  public Instant at;
  public String reason;

  /** [{pointer | section, text}] of a return. */
  @JdbcTypeCode(SqlTypes.JSON)
  public String comments = "[]";

  /** The JSON Pointers changed since the accepted revision (a filing after an acceptance). */
  @Column(name = "changed_cells")
  @JdbcTypeCode(SqlTypes.JSON)
  public String changedCells = "[]";

  public String rule;
  public String path;

  static List<ReviewEntry> of(long agencyId, int year) {
    return list("agencyId = ?1 and year = ?2", Sort.by("seq"), agencyId, year);
  }

  boolean isState() {
    return STATES.contains(kind);
  }
}

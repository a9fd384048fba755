package org.disclosurehub.submission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.disclosurehub.agency.Agency;

/** The report of one agency for one year: which of its revisions is current. */
@Entity
@Table(name = "report")
class StoredReport extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "agency_id")
  public Agency agency;

  public int year;

  @Column(name = "current_revision")
  public int currentRevision;

  @Column(name = "first_submitted_at")
  public Instant firstSubmittedAt;

  static Optional<StoredReport> find(Agency agency, int year) {
    return find("agency = ?1 and year = ?2", agency, year).firstResultOptional();
  }

  /** The report row locked for update, so that corrections of one report never interleave. */
  static Optional<StoredReport> lockForUpdate(Agency agency, int year) {
    return find("agency = ?1 and year = ?2", agency, year)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResultOptional();
  }
}

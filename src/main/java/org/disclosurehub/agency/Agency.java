package org.disclosurehub.agency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.disclosurehub.region.Division;
import org.disclosurehub.sql.Sql;
import org.disclosurehub.system.ProblemException;

/** A government agency that reports, registered under a stable slug. */
@Entity
@Table(name = "agency")
public class Agency extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String code;
  public String name;

  @Column(name = "division_code")
  public String divisionCode;

  @Column(name = "credit_code")
  public String creditCode;

  @Column(name = "active_from")
  public Integer activeFrom;

  @Column(name = "active_to")
  public Integer activeTo;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  public static Optional<Agency> findByCode(String code) {
    return find("code", code).firstResultOptional();
  }

  /** The agency with this code, or a 404 problem. */
  public static Agency existing(String code) {
    return findByCode(code)
        .orElseThrow(() -> ProblemException.notFound("No agency with code '" + code + "'"));
  }

  private static final Sql BY_CODE =
      Sql.of(
          """
          select id, code, name, division_code, credit_code, active_from, active_to, created_at,
                 updated_at
          from agency where code = :code""");

  /**
   * As {@link #existing}, read by one statement and not managed by Hibernate: for a writer that
   * needs only its columns (a filing), so that the agency is neither loaded as an entity nor
   * checked for changes at every flush of the transaction.
   */
  public static Agency existingValue(String code) {
    Agency agency =
        Sql.inTransaction(
            connection -> {
              try (Sql.Statement s = BY_CODE.prepare(connection)) {
                try (ResultSet rs = s.set("code", code).query()) {
                  if (!rs.next()) {
                    return null;
                  }
                  Agency read = new Agency();
                  read.id = rs.getLong(1);
                  read.code = rs.getString(2);
                  read.name = rs.getString(3);
                  read.divisionCode = rs.getString(4);
                  read.creditCode = rs.getString(5);
                  read.activeFrom = (Integer) rs.getObject(6);
                  read.activeTo = (Integer) rs.getObject(7);
                  read.createdAt = rs.getTimestamp(8).toInstant();
                  Timestamp updated = rs.getTimestamp(9);
                  read.updatedAt = updated == null ? null : updated.toInstant();
                  return read;
                }
              }
            });
    if (agency == null) {
      throw ProblemException.notFound("No agency with code '" + code + "'");
    }
    return agency;
  }

  /** Agencies within a division (a province or city includes everything below it), by code. */
  static PanacheQuery<Agency> within(Division division) {
    return find(
        "divisionCode between :lowest and :highest",
        Sort.by("code"),
        Parameters.with("lowest", division.lowest()).and("highest", division.highest()));
  }

  /**
   * Whether the agency may file a report for {@code year}: within its activeFrom and activeTo,
   * where given. (The years it is expected to report for, where roll-ups count it missing, are
   * fewer: the roll-ups' "active in year" predicate, which also starts at its registration or first
   * report.)
   */
  public boolean activeIn(int year) {
    return (activeFrom == null || activeFrom <= year) && (activeTo == null || year <= activeTo);
  }
}

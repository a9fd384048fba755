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

/** One change to whether an agency is expected to report for a year; appended, never changed. */
@Entity
@Table(name = "roster_change")
class RosterChange extends PanacheEntityBase {
  /** Why an agency is left out of a year's roster, or {@code included} to put it in. */
  static final List<String> CAUSES =
      List.of("included", "merged", "abolished", "vertical", "not_reporting");

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "agency_id")
  public long agencyId;

  public int year;
  public boolean expected;
  public String cause;

  @Column(name = "merged_into")
  public Long mergedInto;

  public String reason;
  public String author;
  public Instant at;

  static List<RosterChange> of(long agencyId, int year) {
    return list("agencyId = ?1 and year = ?2", Sort.by("id"), agencyId, year);
  }

  /** The cause in the words of a notice. */
  static String words(String cause) {
    return switch (cause) {
      case "merged" -> "已合并";
      case "abolished" -> "已撤销";
      case "vertical" -> "垂直管理，另行报送";
      case "not_reporting" -> "非报告主体";
      default -> "应报送";
    };
  }
}

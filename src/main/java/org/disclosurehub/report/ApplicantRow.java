package org.disclosurehub.report;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One row of Table 三: the six applicant columns and their total. */
@Schema(description = "Table 三 row: counts by applicant type (申请人情况)")
public record ApplicantRow(
    @Schema(description = "自然人", example = "3") @NotNull @Count Integer naturalPerson,
    @Schema(description = "商业企业", example = "1") @NotNull @Count Integer commercialEnterprise,
    @Schema(description = "科研机构", example = "0") @NotNull @Count Integer researchInstitution,
    @Schema(description = "社会公益组织", example = "0") @NotNull @Count
        Integer socialWelfareOrganization,
    @Schema(description = "法律服务机构", example = "0") @NotNull @Count Integer legalServiceInstitution,
    @Schema(description = "其他", example = "0") @NotNull @Count Integer otherOrganization,
    @Schema(description = "总计; computed when omitted, checked when given", example = "4") @Count
        Integer total) {

  public record Column(String key, String label, Function<ApplicantRow, Integer> value) {}

  /** The six applicant columns in the order of the form; {@code total} is their sum. */
  public static final List<Column> APPLICANT_COLUMNS =
      List.of(
          new Column("naturalPerson", "自然人", ApplicantRow::naturalPerson),
          new Column("commercialEnterprise", "商业企业", ApplicantRow::commercialEnterprise),
          new Column("researchInstitution", "科研机构", ApplicantRow::researchInstitution),
          new Column(
              "socialWelfareOrganization", "社会公益组织", ApplicantRow::socialWelfareOrganization),
          new Column("legalServiceInstitution", "法律服务机构", ApplicantRow::legalServiceInstitution),
          new Column("otherOrganization", "其他", ApplicantRow::otherOrganization));

  /** All seven columns: the applicant columns, then {@code total}. */
  public static final List<Column> COLUMNS =
      List.of(
          APPLICANT_COLUMNS.get(0),
          APPLICANT_COLUMNS.get(1),
          APPLICANT_COLUMNS.get(2),
          APPLICANT_COLUMNS.get(3),
          APPLICANT_COLUMNS.get(4),
          APPLICANT_COLUMNS.get(5),
          new Column("total", "总计", ApplicantRow::total));

  public static ApplicantRow of(int... values) {
    if (values.length != 6 && values.length != 7) {
      throw new IllegalArgumentException("a row has 6 applicant columns and an optional total");
    }
    return new ApplicantRow(
        values[0],
        values[1],
        values[2],
        values[3],
        values[4],
        values[5],
        values.length == 7 ? values[6] : null);
  }

  /** The sum of the six applicant columns, in a long so that it cannot wrap. */
  public long applicantSum() {
    return APPLICANT_COLUMNS.stream().mapToLong(c -> c.value().apply(this)).sum();
  }

  /** Expects the sum within {@link CellLimits#MAX_COUNT} (checked before totals are computed). */
  ApplicantRow withComputedTotal() {
    return total != null ? this : withTotal(CellLimits.saturated(applicantSum()));
  }

  ApplicantRow withTotal(Integer newTotal) {
    return new ApplicantRow(
        naturalPerson,
        commercialEnterprise,
        researchInstitution,
        socialWelfareOrganization,
        legalServiceInstitution,
        otherOrganization,
        newTotal);
  }
}

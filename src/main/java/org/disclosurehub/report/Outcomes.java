package org.disclosurehub.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 三、本年度办理结果. */
@Schema(description = "三、本年度办理结果")
public record Outcomes(
    @Schema(description = "(一) 予以公开") @NotNull @Valid ApplicantRow granted,
    @Schema(description = "(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)") @NotNull @Valid
        ApplicantRow partiallyGranted,
    @Schema(description = "(三) 不予公开") @NotNull @Valid Denied denied,
    @Schema(description = "(四) 无法提供") @NotNull @Valid UnableToProvide unableToProvide,
    @Schema(description = "(五) 不予处理") @NotNull @Valid NotProcessed notProcessed,
    @Schema(description = "(六) 其他处理") @NotNull @Valid OtherHandling otherHandling,
    @Schema(description = "(七) 总计; computed when omitted, checked when given") @Valid
        ApplicantRow total) {

  /** The rows 三(一) to 三(六), in the order of {@link ReportLayout#OUTCOME_ROWS}. */
  List<ApplicantRow> rows() {
    return List.of(
        granted,
        partiallyGranted,
        denied.stateSecret(),
        denied.prohibitedByLaw(),
        denied.endangersSecurityOrStability(),
        denied.thirdPartyRights(),
        denied.internalAffairs(),
        denied.processInformation(),
        denied.lawEnforcementFiles(),
        denied.administrativeQuery(),
        unableToProvide.notHeld(),
        unableToProvide.requiresCreation(),
        unableToProvide.unclearAfterCorrection(),
        notProcessed.complaintOrPetition(),
        notProcessed.repeated(),
        notProcessed.publication(),
        notProcessed.excessive(),
        notProcessed.confirmation(),
        otherHandling.overdueCorrection(),
        otherHandling.overdueFee(),
        otherHandling.other());
  }

  /** 三(七) as the rows add up, column by column (each sum {@link CellLimits#saturated}). */
  ApplicantRow sumOfRows() {
    long[] sums = new long[ApplicantRow.COLUMNS.size()];
    for (ApplicantRow values : rows()) {
      for (int c = 0; c < sums.length; c++) {
        sums[c] += ApplicantRow.COLUMNS.get(c).value().apply(values);
      }
    }
    int[] cells = new int[sums.length];
    for (int c = 0; c < sums.length; c++) {
      cells[c] = CellLimits.saturated(sums[c]);
    }
    return ApplicantRow.of(cells);
  }
}

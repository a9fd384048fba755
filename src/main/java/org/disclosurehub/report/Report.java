package org.disclosurehub.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 政府信息公开工作年度报告 in the national format (国办公开办函〔2021〕30号): the three fixed tables and the prose. A
 * report in the 2019 trial format gives its own Table 二 ({@code activeDisclosure2019}) instead.
 * Every {@code total} may be omitted; {@link #withComputedTotals()} fills it in.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@TablesOfItsFormat
@Schema(
    description =
        "政府信息公开工作年度报告 (national format, 国办公开办函〔2021〕30号; or the 2019 trial format, whose"
            + " Table 二 is activeDisclosure2019)")
public record Report(
    @Schema(
            description =
                "表格式版本: \"2021\" (国办公开办函〔2021〕30号, default) or \"2019\" (the trial format)",
            enumeration = {"2021", "2019"},
            defaultValue = "2021")
        @Pattern(regexp = "2021|2019", message = "must be \"2021\" or \"2019\"")
        String formatVersion,
    @Schema(
            description =
                "发布日期: the day the agency published the report, YYYY-MM-DD, from 1 January of"
                    + " the report's year to today; when given, it decides lateness",
            example = "2025-01-20")
        @JsonDeserialize(using = PublicationDate.Deserializer.class)
        LocalDate publishedOn,
    @Schema(description = "二、主动公开政府信息情况 (formatVersion \"2021\"; absent in a 2019 report)") @Valid
        ActiveDisclosure activeDisclosure,
    @Schema(
            description =
                "二、主动公开政府信息情况 as the 2019 trial format prints it (formatVersion \"2019\" only)")
        @Valid
        ActiveDisclosure2019 activeDisclosure2019,
    @Schema(description = "三、收到和处理政府信息公开申请情况") @NotNull @Valid Requests requests,
    @Schema(description = "四、政府信息公开行政复议、行政诉讼情况") @NotNull @Valid Reviews reviews,
    @Schema(description = "一(一) 主动公开政府信息 条数, from the prose") @Valid PublishedItems publishedItems,
    @Schema(description = "一、五、六: the prose") @Valid Narrative narrative) {

  public static final String CURRENT_FORMAT = "2021";
  public static final String TRIAL_FORMAT = "2019";

  /** Whether the report is in the 2019 trial format; not a field of its JSON. */
  @JsonIgnore
  public boolean isTrialFormat() {
    return TRIAL_FORMAT.equals(formatVersion);
  }

  /** The same report with the format version defaulted and every omitted total computed. */
  public Report withComputedTotals() {
    return new Report(
        formatVersion == null ? CURRENT_FORMAT : formatVersion,
        publishedOn,
        activeDisclosure,
        activeDisclosure2019,
        withComputedTotals(requests),
        new Reviews(
            reviews.administrativeReview().withComputedTotal(),
            reviews.litigationDirect().withComputedTotal(),
            reviews.litigationAfterReview().withComputedTotal()),
        publishedItems,
        narrative);
  }

  private static Requests withComputedTotals(Requests requests) {
    Outcomes o = requests.outcomes();
    Denied d = o.denied();
    UnableToProvide u = o.unableToProvide();
    NotProcessed n = o.notProcessed();
    OtherHandling h = o.otherHandling();
    Outcomes rows =
        new Outcomes(
            o.granted().withComputedTotal(),
            o.partiallyGranted().withComputedTotal(),
            new Denied(
                d.stateSecret().withComputedTotal(),
                d.prohibitedByLaw().withComputedTotal(),
                d.endangersSecurityOrStability().withComputedTotal(),
                d.thirdPartyRights().withComputedTotal(),
                d.internalAffairs().withComputedTotal(),
                d.processInformation().withComputedTotal(),
                d.lawEnforcementFiles().withComputedTotal(),
                d.administrativeQuery().withComputedTotal()),
            new UnableToProvide(
                u.notHeld().withComputedTotal(),
                u.requiresCreation().withComputedTotal(),
                u.unclearAfterCorrection().withComputedTotal()),
            new NotProcessed(
                n.complaintOrPetition().withComputedTotal(),
                n.repeated().withComputedTotal(),
                n.publication().withComputedTotal(),
                n.excessive().withComputedTotal(),
                n.confirmation().withComputedTotal()),
            new OtherHandling(
                zeroIfAbsent(h.overdueCorrection()).withComputedTotal(),
                zeroIfAbsent(h.overdueFee()).withComputedTotal(),
                h.other().withComputedTotal()),
            null);
    ApplicantRow total = o.total() != null ? o.total().withComputedTotal() : rows.sumOfRows();
    return new Requests(
        requests.newlyReceived().withComputedTotal(),
        requests.carriedOver().withComputedTotal(),
        new Outcomes(
            rows.granted(),
            rows.partiallyGranted(),
            rows.denied(),
            rows.unableToProvide(),
            rows.notProcessed(),
            rows.otherHandling(),
            total),
        requests.carriedForward().withComputedTotal());
  }

  /** Rows 三(六)1 and 三(六)2, which the 2019 trial format does not have, count zero there. */
  private static ApplicantRow zeroIfAbsent(ApplicantRow row) {
    return row != null ? row : ApplicantRow.of(0, 0, 0, 0, 0, 0);
  }
}

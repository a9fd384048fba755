package org.disclosurehub.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.disclosurehub.report.CrossYearRulesUnitTest.JSON;
import static org.disclosurehub.report.CrossYearRulesUnitTest.json;
import static org.disclosurehub.report.CrossYearRulesUnitTest.readAsSent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@link TablesOfItsFormat} through Hibernate Validator, without the service: the real 2021 report
 * of 中卫市自然资源局 and the trial-format report of 中卫市市场监管局 2020, each changed in one place, and every
 * finding by its path and message.
 */
class TablesOfItsFormatUnitTest {
  private static final ValidatorFactory FACTORY =
      Validation.byDefaultProvider()
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory();
  private static final Validator VALIDATOR = FACTORY.getValidator();

  private static final String OTHER_HANDLING = "/requests/outcomes/otherHandling";

  @AfterAll
  static void close() {
    FACTORY.close();
  }

  @Test
  void shouldFindNothingInARealReportOfEitherFormat() {
    assertThat(findings(json2021())).isEmpty();
    assertThat(findings(json2019())).isEmpty();
  }

  @Test
  void shouldRequireTable2OfThe2021Format() {
    ObjectNode json = json2021();
    json.remove("activeDisclosure");

    assertThat(findings(json)).containsExactly(tuple("activeDisclosure", "is required"));
  }

  @Test
  void shouldRefuseTheTrialTable2InThe2021Format() {
    ObjectNode json = json2021();
    json.set("activeDisclosure2019", json2019().get("activeDisclosure2019"));

    assertThat(findings(json))
        .containsExactly(
            tuple(
                "activeDisclosure2019",
                "is Table 二 of the 2019 trial format; give it with formatVersion \"2019\""));
  }

  @Test
  void shouldRequireRows36Of2021() {
    ObjectNode json = json2021();
    ((ObjectNode) json.at(OTHER_HANDLING)).remove("overdueCorrection");
    assertThat(findings(json))
        .containsExactly(tuple("requests.outcomes.otherHandling.overdueCorrection", "is required"));

    json = json2021();
    ((ObjectNode) json.at(OTHER_HANDLING)).remove("overdueFee");
    assertThat(findings(json))
        .containsExactly(tuple("requests.outcomes.otherHandling.overdueFee", "is required"));
  }

  @Test
  void shouldRequireTheTrialTable2InThe2019Format() {
    ObjectNode json = json2019();
    json.remove("activeDisclosure2019");

    assertThat(findings(json))
        .containsExactly(tuple("activeDisclosure2019", "is required with formatVersion \"2019\""));
  }

  @Test
  void shouldRefuseThe2021Table2InTheTrialFormat() {
    ObjectNode json = json2019();
    json.set("activeDisclosure", json2021().get("activeDisclosure"));

    assertThat(findings(json))
        .containsExactly(
            tuple(
                "activeDisclosure",
                "is Table 二 of the 2021 format; a report in formatVersion \"2019\" gives"
                    + " activeDisclosure2019"));
  }

  @Test
  void shouldRefuseRows36OfThe2021FormatInTheTrialFormatUnlessZero() {
    String notIn2019 =
        "does not exist in the 2019 trial format, whose single row 三(六) 其他处理 is"
            + " otherHandling.other; omit it";
    ObjectNode json = json2019();
    ObjectNode other = (ObjectNode) json.at(OTHER_HANDLING);
    other.set("overdueCorrection", row(0, 0, 0, 0, 0, 0, 0));
    other.set("overdueFee", row(0, 0, 0, 0, 0, 0, 0));
    assertThat(findings(json)).as("zeros, as an import of the trial format gives").isEmpty();

    other.set("overdueCorrection", row(0, 0, 0, 0, 0, 1, 1));
    assertThat(findings(json))
        .containsExactly(tuple("requests.outcomes.otherHandling.overdueCorrection", notIn2019));

    other.set("overdueCorrection", row(0, 0, 0, 0, 0, 0, 0));
    other.set("overdueFee", row(2, 0, 0, 0, 0, 0, 2));
    assertThat(findings(json))
        .containsExactly(tuple("requests.outcomes.otherHandling.overdueFee", notIn2019));
  }

  @Test
  void shouldAllowAtMostOneFenInYuan() {
    String path = "activeDisclosure2019.procurement.totalAmount";
    String message = "at most 2 decimal places in 元 (one fen)";
    assertThat(findings(withProcurement("1263850.361", "元"))).containsExactly(tuple(path, message));
    assertThat(findings(withProcurement("1263850.36", "元"))).isEmpty();
    assertThat(findings(withProcurement("1263850.3600", "元"))).isEmpty();
    assertThat(findings(withProcurement("126.385036", "万元"))).as("万元 to the fen").isEmpty();
  }

  @Test
  void shouldFindEveryFaultOfAReportAtOnce() {
    ObjectNode json = json2019();
    json.set("activeDisclosure", json2021().get("activeDisclosure"));
    ((ObjectNode) json.at(OTHER_HANDLING)).set("overdueFee", row(2, 0, 0, 0, 0, 0, 2));
    ((ObjectNode) json.at("/activeDisclosure2019/procurement")).put("totalAmount", "0.001");

    assertThat(findings(json))
        .extracting(t -> t.toList().get(0))
        .containsExactlyInAnyOrder(
            "activeDisclosure",
            "requests.outcomes.otherHandling.overdueFee",
            "activeDisclosure2019.procurement.totalAmount");
  }

  @Test
  void shouldLeaveANullReportToNotNull() {
    assertThat(new TablesOfItsFormat.Check().isValid(null, null)).isTrue();
  }

  private static ObjectNode withProcurement(String totalAmount, String unit) {
    ObjectNode json = json2019();
    ((ObjectNode) json.at("/activeDisclosure2019/procurement"))
        .put("totalAmount", totalAmount)
        .put("unit", unit);
    return json;
  }

  private static ObjectNode row(int... values) {
    return JSON.valueToTree(ApplicantRow.of(values));
  }

  private static ObjectNode json2021() {
    return json("/reports/natural-resources-2024.json");
  }

  private static ObjectNode json2019() {
    return json("/reports/market-regulation-2020-trial.json");
  }

  /** The findings of this constraint only, as (path, message). */
  private static List<org.assertj.core.groups.Tuple> findings(ObjectNode json) {
    Report report = readAsSent(json);
    return VALIDATOR.validate(report).stream()
        .filter(v -> isOfThisConstraint(v))
        .map(v -> tuple(v.getPropertyPath().toString(), v.getMessage()))
        .toList();
  }

  private static boolean isOfThisConstraint(ConstraintViolation<Report> violation) {
    return violation.getConstraintDescriptor().getAnnotation() instanceof TablesOfItsFormat;
  }
}

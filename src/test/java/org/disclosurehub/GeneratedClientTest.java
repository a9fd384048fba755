package org.disclosurehub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.disclosurehub.client.ApiClient;
import org.disclosurehub.client.ApiException;
import org.disclosurehub.client.ApiResponse;
import org.disclosurehub.client.api.AgenciesApi;
import org.disclosurehub.client.api.ReportsApi;
import org.disclosurehub.client.api.RollUpsApi;
import org.disclosurehub.client.api.TokensApi;
import org.disclosurehub.client.model.AgencyDraft;
import org.disclosurehub.client.model.AgencyPatch;
import org.disclosurehub.client.model.AgencyView;
import org.disclosurehub.client.model.DryRunView;
import org.disclosurehub.client.model.IssuedToken;
import org.disclosurehub.client.model.Problem;
import org.disclosurehub.client.model.RegionRollup;
import org.disclosurehub.client.model.Report;
import org.disclosurehub.client.model.ReportView;
import org.disclosurehub.client.model.RevisionSummary;
import org.junit.jupiter.api.Test;

/**
 * The life of a report driven through the Java client that openapi-generator 7.25 (java, native)
 * generates from the committed openapi/openapi.yaml at build time, as an agency's developer would:
 * every call is the generated API's; by hand are only the bearer token (a request interceptor) and
 * reading an error body into the generated Problem. If the document and the service part ways, a
 * step here fails with the generated client's own error.
 */
@QuarkusTest
class GeneratedClientTest {
  private static final String REASON = "更正第三部分数据";

  @TestHTTPResource("/")
  URI service;

  @Test
  void shouldDriveTheLifeOfAReportThroughTheGeneratedClient() throws Exception {
    ApiClient admin = client(Fixtures.adminToken());
    AgenciesApi agencies = new AgenciesApi(admin);
    ReportsApi reports = new ReportsApi(admin);
    String code = Fixtures.newAgencyCode("client");

    AgencyView registered =
        agencies.registerAgency(
            new AgencyDraft().code(code).name("呼和浩特市民政局").divisionCode("150100"));
    assertThat(registered.getCode()).isEqualTo(code);

    Report report =
        admin
            .getObjectMapper()
            .readValue(
                Files.readString(Path.of("examples", "zhongwei-civil-affairs-2024.json")),
                Report.class);
    ApiResponse<ReportView> first =
        reports.submitReportWithHttpInfo(code, 2024, report, null, null, null, null, null);
    assertThat(first.getStatusCode()).isEqualTo(201);
    assertThat(first.getData().getRevision()).isEqualTo(1);
    String etag = first.getHeaders().get("ETag").get(0);

    // A correction with If-Match and a Chinese reason, percent-encoded: HttpClient sends
    // ISO-8859-1 header values only.
    report.getActiveDisclosure().setLicensing(report.getActiveDisclosure().getLicensing() + 1);
    String reason = URLEncoder.encode(REASON, StandardCharsets.UTF_8);
    ReportView corrected = reports.submitReport(code, 2024, report, null, null, etag, null, reason);
    assertThat(corrected.getRevision()).isEqualTo(2);

    DryRunView dryRun = reports.checkReport(code, 2024, report, null, "\"2\"", null, null);
    assertThat(dryRun.getDryRun()).isTrue();
    assertThat(dryRun.getUnchanged()).isTrue();
    assertThat(dryRun.getWouldBecomeRevision()).isEqualTo(2);

    report.getActiveDisclosure().setPenalties(report.getActiveDisclosure().getPenalties() + 1);
    ApiException stale =
        catchThrowableOfType(
            ApiException.class,
            () -> reports.submitReport(code, 2024, report, null, null, etag, null, null));
    assertThat(stale.getCode()).isEqualTo(412);
    assertThat(problem(admin, stale).getType()).isEqualTo("/problems/precondition-failed");

    report.getRequests().getNewlyReceived().setNaturalPerson(5);
    ApiException inconsistent =
        catchThrowableOfType(
            ApiException.class,
            () -> reports.submitReport(code, 2024, report, null, null, null, null, null));
    assertThat(inconsistent.getCode()).isEqualTo(422);
    Problem broken = problem(admin, inconsistent);
    assertThat(broken.getType()).isEqualTo("/problems/report-inconsistent");
    assertThat(broken.getViolations())
        .extracting(violation -> violation.getPath())
        .contains("/requests/newlyReceived/total");

    RegionRollup rollup =
        new RollUpsApi(admin).getRegionRollup("150100", 2024, null, null, null, null);
    assertThat(rollup.getYear()).isEqualTo(2024);
    assertThat(rollup.getCompleteness().getReported()).isPositive();

    String csv =
        Files.readString(new RollUpsApi(admin).getReportsCsv(null, "150100", null, 2024).toPath());
    assertThat(csv).startsWith("\uFEFFagency,").contains(code);

    byte[] workbook =
        Files.readAllBytes(
            new RollUpsApi(admin)
                .getRegionAnnualReport("150100", 2024, null, "xlsx", null)
                .toPath());
    assertThat(new String(workbook, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");

    List<RevisionSummary> revisions = reports.listRevisions(code, 2024);
    assertThat(revisions).extracting(RevisionSummary::getRevision).containsExactly(1, 2);
    assertThat(revisions.get(1).getReason()).isEqualTo(REASON);

    AgencyView renamed = agencies.changeAgency(code, new AgencyPatch().name("呼和浩特市民政局（更名）"));
    assertThat(renamed.getName()).isEqualTo("呼和浩特市民政局（更名）");
    assertThat(renamed.getDivisionCode()).isEqualTo("150100");

    TokensApi tokens = new TokensApi(admin);
    IssuedToken issued = tokens.issueAgencyToken(code);
    ReportsApi asAgency = new ReportsApi(client(issued.getToken()));
    assertThat(asAgency.checkReport(code, 2024, report, true, null, null, null).getViolations())
        .isNotEmpty();
    tokens.revokeAgencyToken(code, issued.getId());
    ApiException revoked =
        catchThrowableOfType(
            ApiException.class,
            () -> asAgency.checkReport(code, 2024, report, true, null, null, null));
    assertThat(revoked.getCode()).isEqualTo(401);
    assertThat(problem(admin, revoked).getType()).isEqualTo("/problems/invalid-token");
  }

  /** The generated client, pointed at the service under test, sending this bearer token. */
  private ApiClient client(String token) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(service.toString().replaceAll("/$", ""));
    client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    return client;
  }

  /** An error's body read into the generated Problem model. */
  private static Problem problem(ApiClient client, ApiException error) throws Exception {
    return client.getObjectMapper().readValue(error.getResponseBody(), Problem.class);
  }
}

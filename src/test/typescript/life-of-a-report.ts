// What an agency's TypeScript code does with the generated client, as GeneratedClientTest does in
// Java: it is type-checked (tsc --noEmit), never run. A type that no longer fits the calls below,
// or an enumeration member without a name, fails TypeScriptClientTest.
import {
  AgenciesApi,
  Configuration,
  GetRegionAnnualReportFormatEnum,
  GetRegionRollupAgenciesSortEnum,
  Procurement2019UnitEnum,
  ProblemFromJSON,
  ReportsApi,
  ResponseError,
  RollUpsApi,
  Table,
  TokensApi,
  type DryRunView,
  type Problem,
  type Report,
  type ReportView,
  type RevisionSummary,
} from "disclosure-hub-client";

const REASON = "更正第三部分数据";

export async function lifeOfAReport(basePath: string, adminToken: string, code: string, report: Report): Promise<void> {
  const admin = new Configuration({ basePath, accessToken: adminToken });
  const agencies = new AgenciesApi(admin);
  const reports = new ReportsApi(admin);

  await agencies.registerAgency({ agencyDraft: { code, name: "呼和浩特市民政局", divisionCode: "150100" } });

  const first = await reports.submitReportRaw({ code, year: 2024, report });
  const etag: string | null = first.raw.headers.get("ETag");
  const stored: ReportView = await first.value();
  const revision: number = stored.revision;

  // fetch sends header values in ISO-8859-1 only: a Chinese reason goes percent-encoded.
  await reports.submitReport({
    code, year: 2024, report, ifMatch: etag ?? undefined, xChangeReason: encodeURIComponent(REASON),
  });

  const dryRun: DryRunView = await reports.checkReport({ code, year: 2024, report, ifMatch: `"${revision + 1}"` });
  const wouldBecome: number = dryRun.wouldBecomeRevision;

  try {
    await reports.submitReport({ code, year: 2024, report, ifMatch: etag ?? undefined });
  } catch (error) {
    if (error instanceof ResponseError) {
      const problem: Problem = ProblemFromJSON(await error.response.json());
      const paths: (string | undefined)[] = (problem.violations ?? []).map((violation) => violation.path);
      console.log(problem.status, problem.type, paths, wouldBecome);
    }
  }

  const rollups = new RollUpsApi(admin);
  const rollup = await rollups.getRegionRollup({ code: "150100", year: 2024 });
  const reported: number | undefined = rollup.completeness?.reported;
  const agenciesByIntake = await rollups.getRegionRollupAgencies({
    code: "150100", year: 2024, sort: GetRegionRollupAgenciesSortEnum.NEWLY_RECEIVED_DESCENDING,
  });
  const csv: Blob = await rollups.getReportsCsv({ division: "150100", year: 2024 });
  const workbook: Blob = await rollups.getRegionAnnualReport({
    code: "150100", year: 2024, format: GetRegionAnnualReportFormatEnum.Xlsx,
  });
  const bytes: ArrayBuffer = await workbook.arrayBuffer();

  const revisions: RevisionSummary[] = await reports.listRevisions({ code, year: 2024 });
  const reasons: (string | null | undefined)[] = revisions.map((summary) => summary.reason);

  const renamed = await agencies.changeAgency({ code, agencyPatch: { name: "呼和浩特市民政局（更名）" } });

  const tokens = new TokensApi(admin);
  const issued = await tokens.issueAgencyToken({ code });
  const asAgency = new ReportsApi(new Configuration({ basePath, accessToken: issued.token }));
  await asAgency.checkReport({ code, year: 2024, report, acceptInconsistent: true });
  await tokens.revokeAgencyToken({ code, id: issued.id });

  // The Chinese enumerations have names.
  const tables: Table[] = [Table.TWO, Table.THREE, Table.FOUR];
  const units: Procurement2019UnitEnum[] = [Procurement2019UnitEnum.TEN_THOUSAND_YUAN, Procurement2019UnitEnum.YUAN];
  console.log(reported, agenciesByIntake.items.length, csv.size, bytes.byteLength, reasons, renamed.name, tables, units);
}

-- Roll-ups by region (issue 3). Both tables are maintained by RegionTotals in the transaction
-- that makes a revision current (or withdraws it), so they can never drift from the reports.

-- The numeric cells of each report's current revision, in ReportLayout.CELLS order (Tables 二,
-- 三, 四; numeric so that feesAmount in 万元 keeps every decimal), with the facts the per-agency
-- breakdown, completeness and consistency need. A report that is withdrawn has no row.
create table report_cells (
    report_id             bigint      primary key references report (id),
    agency_id             bigint      not null references agency (id),
    year                  integer     not null,
    -- the agency's division when the row was written; moved along when the agency moves
    division_code         text        not null,
    revision              integer     not null,
    cells                 numeric[]   not null,
    -- publishedItems.total when the report states it
    published_items       bigint,
    published_on          date,
    -- published (publishedOn, else first submission) after 31 January of year + 1, Beijing time
    late                  boolean     not null,
    violation_count       integer     not null,
    -- the distinct ids of the blocking rules the report was accepted despite
    rules                 text[]      not null,
    -- CARRY_OVER fails against the same agency's current report of year - 1
    carry_over_mismatch   boolean     not null,
    unique (agency_id, year)
);

-- A region's reports of a year: a range scan (a city is [640500, 640599]).
create index report_cells_region_idx on report_cells (year, division_code);

-- A partial index for the reports accepted despite violations (consistency listings).
create index report_cells_inconsistent_idx on report_cells (year, division_code)
    where violation_count > 0;

-- Sums per region and year over report_cells: scope 'own' the reports of agencies whose division
-- is exactly division_code, scope 'all' those of every agency within it (a county's own = all; a
-- city's all includes its districts and counties; a province's everything in it). A report
-- counts in up to four rows, so any roll-up reads one. version grows with every change; the sum
-- of the versions of the 'own' rows of a range identifies the data a read covers.
create table region_totals (
    division_code         text        not null,
    scope                 text        not null check (scope in ('own', 'all')),
    year                  integer     not null,
    reports               integer     not null default 0,
    late                  integer     not null default 0,
    inconsistent          integer     not null default 0,
    carry_over_mismatches integer     not null default 0,
    published_items       bigint      not null default 0,
    reports_stating       integer     not null default 0,
    cells                 numeric[]   not null,
    version               bigint      not null default 0,
    updated_at            timestamptz not null,
    primary key (division_code, scope, year)
);

-- Reports stored before this migration: their current revisions, computed as RegionTotals does
-- (cells in ReportLayout.CELLS order; late by publishedOn, else first submission, Beijing time).
insert into report_cells (report_id, agency_id, year, division_code, revision, cells,
                          published_items, published_on, late, violation_count, rules,
                          carry_over_mismatch)
select r.id, r.agency_id, r.year, a.division_code, v.revision,
    array[
        (v.content #>> '{activeDisclosure,regulations,issued}')::numeric,
        (v.content #>> '{activeDisclosure,regulations,repealed}')::numeric,
        (v.content #>> '{activeDisclosure,regulations,inForce}')::numeric,
        (v.content #>> '{activeDisclosure,normativeDocuments,issued}')::numeric,
        (v.content #>> '{activeDisclosure,normativeDocuments,repealed}')::numeric,
        (v.content #>> '{activeDisclosure,normativeDocuments,inForce}')::numeric,
        (v.content #>> '{activeDisclosure,licensing}')::numeric,
        (v.content #>> '{activeDisclosure,penalties}')::numeric,
        (v.content #>> '{activeDisclosure,compulsoryMeasures}')::numeric,
        (v.content #>> '{activeDisclosure,feesAmount}')::numeric,
        (v.content #>> '{requests,newlyReceived,naturalPerson}')::numeric,
        (v.content #>> '{requests,newlyReceived,commercialEnterprise}')::numeric,
        (v.content #>> '{requests,newlyReceived,researchInstitution}')::numeric,
        (v.content #>> '{requests,newlyReceived,socialWelfareOrganization}')::numeric,
        (v.content #>> '{requests,newlyReceived,legalServiceInstitution}')::numeric,
        (v.content #>> '{requests,newlyReceived,otherOrganization}')::numeric,
        (v.content #>> '{requests,newlyReceived,total}')::numeric,
        (v.content #>> '{requests,carriedOver,naturalPerson}')::numeric,
        (v.content #>> '{requests,carriedOver,commercialEnterprise}')::numeric,
        (v.content #>> '{requests,carriedOver,researchInstitution}')::numeric,
        (v.content #>> '{requests,carriedOver,socialWelfareOrganization}')::numeric,
        (v.content #>> '{requests,carriedOver,legalServiceInstitution}')::numeric,
        (v.content #>> '{requests,carriedOver,otherOrganization}')::numeric,
        (v.content #>> '{requests,carriedOver,total}')::numeric,
        (v.content #>> '{requests,outcomes,granted,naturalPerson}')::numeric,
        (v.content #>> '{requests,outcomes,granted,commercialEnterprise}')::numeric,
        (v.content #>> '{requests,outcomes,granted,researchInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,granted,socialWelfareOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,granted,legalServiceInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,granted,otherOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,granted,total}')::numeric,
        (v.content #>> '{requests,outcomes,partiallyGranted,naturalPerson}')::numeric,
        (v.content #>> '{requests,outcomes,partiallyGranted,commercialEnterprise}')::numeric,
        (v.content #>> '{requests,outcomes,partiallyGranted,researchInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,partiallyGranted,socialWelfareOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,partiallyGranted,legalServiceInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,partiallyGranted,otherOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,partiallyGranted,total}')::numeric,
        (v.content #>> '{requests,outcomes,denied,stateSecret,naturalPerson}')::numeric,
        (v.content #>> '{requests,outcomes,denied,stateSecret,commercialEnterprise}')::numeric,
        (v.content #>> '{requests,outcomes,denied,stateSecret,researchInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,denied,stateSecret,socialWelfareOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,denied,stateSecret,legalServiceInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,denied,stateSecret,otherOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,denied,stateSecret,total}')::numeric,
        (v.content #>> '{requests,outcomes,denied,prohibitedByLaw,naturalPerson}')::numeric,
        (v.content #>> '{requests,outcomes,denied,prohibitedByLaw,commercialEnterprise}')::numeric,
        (v.content #>> '{requests,outcomes,denied,prohibitedByLaw,researchInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,denied,prohibitedByLaw,socialWelfareOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,denied,prohibitedByLaw,legalServiceInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,denied,prohibitedByLaw,otherOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,denied,prohibitedByLaw,total}')::numeric,
        (v.content #>> '{requests,outcomes,denied,endangersSecurityOrStability,naturalPerson}')::numeric,
        (v.content #>> '{requests,outcomes,denied,endangersSecurityOrStability,commercialEnterprise}')::numeric,
        (v.content #>> '{requests,outcomes,denied,endangersSecurityOrStability,researchInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,denied,endangersSecurityOrStability,socialWelfareOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,denied,endangersSecurityOrStability,legalServiceInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,denied,endangersSecurityOrStability,otherOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,denied,endangersSecurityOrStability,total}')::numeric,
        (v.content #>> '{requests,outcomes,denied,thirdPartyRights,naturalPerson}')::numeric,
        (v.content #>> '{requests,outcomes,denied,thirdPartyRights,commercialEnterprise}')::numeric,
        (v.content #>> '{requests,outcomes,denied,thirdPartyRights,researchInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,denied,thirdPartyRights,socialWelfareOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,denied,thirdPartyRights,legalServiceInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,denied,thirdPartyRights,otherOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,denied,thirdPartyRights,total}')::numeric,
        (v.content #>> '{requests,outcomes,denied,internalAffairs,naturalPerson}')::numeric,
        (v.content #>> '{requests,outcomes,denied,internalAffairs,commercialEnterprise}')::numeric,
        (v.content #>> '{requests,outcomes,denied,internalAffairs,researchInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,denied,internalAffairs,socialWelfareOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,denied,internalAffairs,legalServiceInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,denied,internalAffairs,otherOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,denied,internalAffairs,total}')::numeric,
        (v.content #>> '{requests,outcomes,denied,processInformation,naturalPerson}')::numeric,
        (v.content #>> '{requests,outcomes,denied,processInformation,commercialEnterprise}')::numeric,
        (v.content #>> '{requests,outcomes,denied,processInformation,researchInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,denied,processInformation,socialWelfareOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,denied,processInformation,legalServiceInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,denied,processInformation,otherOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,denied,processInformation,total}')::numeric,
        (v.content #>> '{requests,outcomes,denied,lawEnforcementFiles,naturalPerson}')::numeric,
        (v.content #>> '{requests,outcomes,denied,lawEnforcementFiles,commercialEnterprise}')::numeric,
        (v.content #>> '{requests,outcomes,denied,lawEnforcementFiles,researchInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,denied,lawEnforcementFiles,socialWelfareOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,denied,lawEnforcementFiles,legalServiceInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,denied,lawEnforcementFiles,otherOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,denied,lawEnforcementFiles,total}')::numeric,
        (v.content #>> '{requests,outcomes,denied,administrativeQuery,naturalPerson}')::numeric,
        (v.content #>> '{requests,outcomes,denied,administrativeQuery,commercialEnterprise}')::numeric,
        (v.content #>> '{requests,outcomes,denied,administrativeQuery,researchInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,denied,administrativeQuery,socialWelfareOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,denied,administrativeQuery,legalServiceInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,denied,administrativeQuery,otherOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,denied,administrativeQuery,total}')::numeric,
        (v.content #>> '{requests,outcomes,unableToProvide,notHeld,naturalPerson}')::numeric,
        (v.content #>> '{requests,outcomes,unableToProvide,notHeld,commercialEnterprise}')::numeric,
        (v.content #>> '{requests,outcomes,unableToProvide,notHeld,researchInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,unableToProvide,notHeld,socialWelfareOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,unableToProvide,notHeld,legalServiceInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,unableToProvide,notHeld,otherOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,unableToProvide,notHeld,total}')::numeric,
        (v.content #>> '{requests,outcomes,unableToProvide,requiresCreation,naturalPerson}')::numeric,
        (v.content #>> '{requests,outcomes,unableToProvide,requiresCreation,commercialEnterprise}')::numeric,
        (v.content #>> '{requests,outcomes,unableToProvide,requiresCreation,researchInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,unableToProvide,requiresCreation,socialWelfareOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,unableToProvide,requiresCreation,legalServiceInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,unableToProvide,requiresCreation,otherOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,unableToProvide,requiresCreation,total}')::numeric,
        (v.content #>> '{requests,outcomes,unableToProvide,unclearAfterCorrection,naturalPerson}')::numeric,
        (v.content #>> '{requests,outcomes,unableToProvide,unclearAfterCorrection,commercialEnterprise}')::numeric,
        (v.content #>> '{requests,outcomes,unableToProvide,unclearAfterCorrection,researchInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,unableToProvide,unclearAfterCorrection,socialWelfareOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,unableToProvide,unclearAfterCorrection,legalServiceInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,unableToProvide,unclearAfterCorrection,otherOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,unableToProvide,unclearAfterCorrection,total}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,complaintOrPetition,naturalPerson}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,complaintOrPetition,commercialEnterprise}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,complaintOrPetition,researchInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,complaintOrPetition,socialWelfareOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,complaintOrPetition,legalServiceInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,complaintOrPetition,otherOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,complaintOrPetition,total}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,repeated,naturalPerson}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,repeated,commercialEnterprise}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,repeated,researchInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,repeated,socialWelfareOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,repeated,legalServiceInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,repeated,otherOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,repeated,total}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,publication,naturalPerson}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,publication,commercialEnterprise}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,publication,researchInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,publication,socialWelfareOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,publication,legalServiceInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,publication,otherOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,publication,total}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,excessive,naturalPerson}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,excessive,commercialEnterprise}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,excessive,researchInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,excessive,socialWelfareOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,excessive,legalServiceInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,excessive,otherOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,excessive,total}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,confirmation,naturalPerson}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,confirmation,commercialEnterprise}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,confirmation,researchInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,confirmation,socialWelfareOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,confirmation,legalServiceInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,confirmation,otherOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,notProcessed,confirmation,total}')::numeric,
        (v.content #>> '{requests,outcomes,otherHandling,overdueCorrection,naturalPerson}')::numeric,
        (v.content #>> '{requests,outcomes,otherHandling,overdueCorrection,commercialEnterprise}')::numeric,
        (v.content #>> '{requests,outcomes,otherHandling,overdueCorrection,researchInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,otherHandling,overdueCorrection,socialWelfareOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,otherHandling,overdueCorrection,legalServiceInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,otherHandling,overdueCorrection,otherOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,otherHandling,overdueCorrection,total}')::numeric,
        (v.content #>> '{requests,outcomes,otherHandling,overdueFee,naturalPerson}')::numeric,
        (v.content #>> '{requests,outcomes,otherHandling,overdueFee,commercialEnterprise}')::numeric,
        (v.content #>> '{requests,outcomes,otherHandling,overdueFee,researchInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,otherHandling,overdueFee,socialWelfareOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,otherHandling,overdueFee,legalServiceInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,otherHandling,overdueFee,otherOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,otherHandling,overdueFee,total}')::numeric,
        (v.content #>> '{requests,outcomes,otherHandling,other,naturalPerson}')::numeric,
        (v.content #>> '{requests,outcomes,otherHandling,other,commercialEnterprise}')::numeric,
        (v.content #>> '{requests,outcomes,otherHandling,other,researchInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,otherHandling,other,socialWelfareOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,otherHandling,other,legalServiceInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,otherHandling,other,otherOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,otherHandling,other,total}')::numeric,
        (v.content #>> '{requests,outcomes,total,naturalPerson}')::numeric,
        (v.content #>> '{requests,outcomes,total,commercialEnterprise}')::numeric,
        (v.content #>> '{requests,outcomes,total,researchInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,total,socialWelfareOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,total,legalServiceInstitution}')::numeric,
        (v.content #>> '{requests,outcomes,total,otherOrganization}')::numeric,
        (v.content #>> '{requests,outcomes,total,total}')::numeric,
        (v.content #>> '{requests,carriedForward,naturalPerson}')::numeric,
        (v.content #>> '{requests,carriedForward,commercialEnterprise}')::numeric,
        (v.content #>> '{requests,carriedForward,researchInstitution}')::numeric,
        (v.content #>> '{requests,carriedForward,socialWelfareOrganization}')::numeric,
        (v.content #>> '{requests,carriedForward,legalServiceInstitution}')::numeric,
        (v.content #>> '{requests,carriedForward,otherOrganization}')::numeric,
        (v.content #>> '{requests,carriedForward,total}')::numeric,
        (v.content #>> '{reviews,administrativeReview,upheld}')::numeric,
        (v.content #>> '{reviews,administrativeReview,corrected}')::numeric,
        (v.content #>> '{reviews,administrativeReview,other}')::numeric,
        (v.content #>> '{reviews,administrativeReview,pending}')::numeric,
        (v.content #>> '{reviews,administrativeReview,total}')::numeric,
        (v.content #>> '{reviews,litigationDirect,upheld}')::numeric,
        (v.content #>> '{reviews,litigationDirect,corrected}')::numeric,
        (v.content #>> '{reviews,litigationDirect,other}')::numeric,
        (v.content #>> '{reviews,litigationDirect,pending}')::numeric,
        (v.content #>> '{reviews,litigationDirect,total}')::numeric,
        (v.content #>> '{reviews,litigationAfterReview,upheld}')::numeric,
        (v.content #>> '{reviews,litigationAfterReview,corrected}')::numeric,
        (v.content #>> '{reviews,litigationAfterReview,other}')::numeric,
        (v.content #>> '{reviews,litigationAfterReview,pending}')::numeric,
        (v.content #>> '{reviews,litigationAfterReview,total}')::numeric
    ],
    (v.content #>> '{publishedItems,total}')::bigint,
    (v.content ->> 'publishedOn')::date,
    coalesce((v.content ->> 'publishedOn')::date,
             (r.first_submitted_at at time zone 'Asia/Shanghai')::date)
        > make_date(r.year + 1, 1, 31),
    v.violation_count,
    array(select distinct x ->> 'rule' from jsonb_array_elements(v.violations) as x order by 1),
    false
from report r
join agency a on a.id = r.agency_id
join report_revision v on v.report_id = r.id and v.revision = r.current_revision;

-- CARRY_OVER: cells 18..24 are 二、上年结转, 179..185 四、结转下年度 (seven columns each).
update report_cells c set carry_over_mismatch = true
from report_cells p
where p.agency_id = c.agency_id and p.year = c.year - 1 and c.cells[18:24] <> p.cells[179:185];

-- Each report counts in its division's own row and in the all rows of its division, city and
-- province (as RegionTotals.regions).
with counted as (
    select c.*, r.code, r.scope
    from report_cells c
    cross join lateral (
        select distinct x, 'all' from unnest(array[
            c.division_code,
            case when c.division_code like '%00' then c.division_code
                 else substr(c.division_code, 1, 4) || '00' end,
            substr(c.division_code, 1, 2) || '0000']) as x
        union all
        select c.division_code, 'own') as r(code, scope)
),
cell_sums as (
    select code, scope, year, array_agg(total order by i) as cells
    from (select k.code, k.scope, k.year, u.i, sum(u.v) as total
            from counted k cross join lateral unnest(k.cells) with ordinality as u(v, i)
           group by k.code, k.scope, k.year, u.i) as s
    group by code, scope, year
)
insert into region_totals (division_code, scope, year, reports, late, inconsistent,
                           carry_over_mismatches, published_items, reports_stating, cells,
                           version, updated_at)
select k.code, k.scope, k.year, count(*), count(*) filter (where k.late),
    count(*) filter (where k.violation_count > 0), count(*) filter (where k.carry_over_mismatch),
    coalesce(sum(k.published_items), 0), count(k.published_items),
    (select s.cells from cell_sums s
      where s.code = k.code and s.scope = k.scope and s.year = k.year),
    1, now()
from counted k
group by k.code, k.scope, k.year;

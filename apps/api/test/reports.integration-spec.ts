import { presetPeriod } from '@beacon/domain';
import { listenToQueries } from '../src/database/query-listener';
import { startTestApp, type Session, type TestApp, type TestUser } from './helpers/test-app';

/**
 * Reports over KNOWN data: referrals, clients, visits and notes inserted with exact times (British
 * Summer Time around the period's edges, so a UTC day would count them wrongly), and every figure
 * of the summary checked against the count worked out by hand beside each row below. The period
 * is the first quarter of the financial year 2026/27: 1 April to 30 June 2026, inclusive.
 */
const Q1 = { from: '2026-04-01', to: '2026-06-30' };

let t: TestApp;
let manager: Session;
let admin: Session;
let advocate: Session;
let managerUser: TestUser;
let ada: TestUser; // advocate A1
let ben: TestUser; // advocate A2
let cal: TestUser; // an advocate with no cases
const ids: Record<string, string> = {};
let carersCentre: { id: string; name: string };
let ward1: string;
let ward2: string;

async function sql<T = any>(text: string, params: unknown[] = []): Promise<T[]> {
  return t.dataSource.query(text, params);
}

async function client(
  key: string,
  fields: { dob?: string; ageBand?: string; gender?: string; ethnicity?: string; disability?: string },
) {
  const [row] = await sql<{ id: string }>(
    `INSERT INTO clients (first_name, last_name, first_name_key, last_name_key, search_name, date_of_birth,
                          local_authority, created_by, age_band, gender, ethnicity, disability)
     VALUES ('Report', $1, 'report', lower($1), 'report ' || lower($1), $2, 'LEICESTER', $3, $4, $5, $6, $7)
     RETURNING id`,
    [
      `Person${key}`,
      fields.dob ?? null,
      managerUser.id,
      fields.ageBand ?? null,
      fields.gender ?? null,
      fields.ethnicity ?? null,
      fields.disability ?? null,
    ],
  );
  ids[key] = row.id;
}

let refNo = 0;
async function referral(
  key: string,
  r: {
    client: string;
    service: string;
    source: string;
    area: string;
    status: string;
    issues: string[];
    received: string;
    firstContact?: string;
    advocate?: string;
    outcome?: string;
    closed?: string;
    eligible?: boolean;
    inScope?: string[];
  },
) {
  refNo += 1;
  const inScope = r.inScope ?? r.issues;
  const [row] = await sql<{ id: string }>(
    `INSERT INTO referrals (reference, client_id, service_type, source, issues, facts, eligible, eligibility_reasons,
                            in_scope, out_of_scope, status, local_authority, received_at, first_contact_at,
                            allocated_advocate_id, allocated_at, created_by, decline_reason, outcome, closure_reason, closed_at)
     VALUES ($1, $2, $3, $4, $5, '{}', $6, '{}', $7, $8, $9, $10, $11, $12, $13, $12, $14,
             CASE WHEN $9 = 'DECLINED' THEN 'Free text that reports never show' END, $15,
             CASE WHEN $15::text IS NOT NULL THEN 'Closed' END, $16)
     RETURNING id`,
    [
      `REF-2026-9${String(refNo).padStart(5, '0')}`,
      ids[r.client],
      r.service,
      r.source,
      r.issues,
      r.eligible ?? true,
      inScope,
      r.issues.filter((i) => !inScope.includes(i)),
      r.status,
      r.area,
      r.received,
      r.firstContact ?? null,
      r.advocate ?? null,
      managerUser.id,
      r.outcome ?? null,
      r.closed ?? null,
    ],
  );
  ids[key] = row.id;
}

async function signpost(referralKey: string, serviceId: string | null, name: string) {
  await sql(
    `INSERT INTO referral_signposts (referral_id, service_id, name, created_by, created_at) VALUES ($1, $2, $3, $4, now())`,
    [ids[referralKey], serviceId, name, managerUser.id],
  );
}

async function visit(wardId: string, date: string, status: string, seen = 0, found = 0, minutes = 0) {
  await sql(
    `INSERT INTO visits (ward_id, advocate_id, date, start_time, duration_minutes, status, patients_seen, new_referrals, minutes_spent)
     VALUES ($1, $2, $3, '10:00', 60, $4, $5, $6, $7)`,
    [wardId, ada.id, date, status, seen, found, minutes],
  );
}

async function note(referralKey: string, kind: string, minutes: number | null, at: string) {
  await sql(
    `INSERT INTO case_notes (referral_id, kind, minutes_spent, created_by, created_at) VALUES ($1, $2, $3, $4, $5)`,
    [ids[referralKey], kind, minutes, ada.id, at],
  );
}

const summary = (period: { from: string; to: string }, session = manager) =>
  t.request('GET', `/api/reports/summary?from=${period.from}&to=${period.to}`, { token: session.token });

/** key → count of one breakdown. */
const counts = (items: { key: string; count: number }[]) =>
  Object.fromEntries(items.map((item) => [item.key, item.count]));

beforeAll(async () => {
  t = await startTestApp();
  managerUser = await t.createUser(['MANAGER']);
  const adminUser = await t.createUser(['ADMIN']);
  const advocateUser = await t.createUser(['ADVOCATE'], { displayName: 'Dee Advocate' });
  ada = await t.createUser(['ADVOCATE'], { displayName: 'Ada Advocate' });
  ben = await t.createUser(['ADVOCATE'], { displayName: 'Ben Advocate' });
  cal = await t.createUser(['ADVOCATE'], { displayName: 'Cal Advocate' });
  [manager, admin, advocate] = await Promise.all(
    [managerUser, adminUser, advocateUser].map((u) => t.login(u.email)),
  );
  [carersCentre] = await sql(`SELECT id, name FROM signposting_services WHERE key = 'CARERS_CENTRE'`);

  // Clients: C1 born 1990 (35–36 in the quarter), C2 gave only an age band, C3 answered nothing,
  // C4 turns 18 on 15 June 2026 and preferred not to say the rest (its recorded band is ignored:
  // the date of birth decides).
  await client('C1', { dob: '1990-05-10', gender: 'WOMAN', ethnicity: 'WHITE', disability: 'NO' });
  await client('C2', { ageBand: 'AGE_18_24', gender: 'MAN', ethnicity: 'ASIAN', disability: 'YES' });
  await client('C3', {});
  await client('C4', {
    dob: '2008-06-15',
    ageBand: 'AGE_25_34',
    gender: 'PREFER_NOT_TO_SAY',
    ethnicity: 'PREFER_NOT_TO_SAY',
    disability: 'PREFER_NOT_TO_SAY',
  });

  // The quarter's ten referrals (BST: London is UTC+1 throughout).
  await referral('R1', {
    client: 'C1',
    service: 'IMHA',
    source: 'CARE_STAFF',
    area: 'LEICESTER',
    status: 'ACTIVE',
    issues: ['TREATMENT', 'APPEAL_TRIBUNAL'],
    received: '2026-04-01T00:00:00+01:00', // the first instant of the period
    firstContact: '2026-04-02T00:00:00+01:00', // 1 day
    advocate: ada.id,
  });
  await referral('R2', {
    client: 'C2',
    service: 'IMHA',
    source: 'SELF',
    area: 'LEICESTER',
    status: 'CLOSED',
    outcome: 'ISSUES_RESOLVED',
    issues: ['TREATMENT'],
    received: '2026-04-10T10:00:00+01:00',
    firstContact: '2026-04-12T10:00:00+01:00', // 2 days
    advocate: ada.id,
    closed: '2026-05-01T12:00:00+01:00',
  });
  await referral('R3', {
    client: 'C3',
    service: 'IMHA',
    source: 'WARD_VISIT',
    area: 'LEICESTERSHIRE',
    status: 'ACTIVE',
    issues: ['DISCHARGE'],
    received: '2026-05-05T09:00:00+01:00',
    firstContact: '2026-05-08T09:00:00+01:00', // 3 days
    advocate: ben.id,
  });
  await referral('R4', {
    client: 'C1',
    service: 'COMMUNITY',
    source: 'SELF',
    area: 'RUTLAND',
    status: 'CLOSED',
    outcome: 'NOT_RESOLVED',
    issues: ['CARE_PLANNING'],
    received: '2026-05-20T12:00:00+01:00',
    firstContact: '2026-05-24T12:00:00+01:00', // 4 days
    advocate: ben.id,
    closed: '2026-06-10T12:00:00+01:00',
  });
  await referral('R5', {
    client: 'C4',
    service: 'COMMUNITY',
    source: 'PROFESSIONAL',
    area: 'LEICESTER',
    status: 'ACTIVE',
    issues: ['INFORMATION', 'BENEFITS'],
    inScope: ['INFORMATION'],
    received: '2026-06-14T08:00:00+01:00', // C4 is 17
    firstContact: '2026-06-24T08:00:00+01:00', // 10 days
    advocate: ada.id,
  });
  await referral('R6', {
    client: 'C2',
    service: 'CARERS',
    source: 'SELF',
    area: 'LEICESTERSHIRE',
    status: 'DECLINED',
    eligible: false, // → NOT_ELIGIBLE
    issues: ['CARER_RIGHTS'],
    received: '2026-04-20T15:00:00+01:00',
  });
  await referral('R7', {
    client: 'C3',
    service: 'COMMUNITY',
    source: 'OTHER_CONCERNED',
    area: 'OUTSIDE_AREA',
    status: 'DECLINED',
    issues: ['HOUSING', 'DEBT'],
    inScope: [], // → OUT_OF_SCOPE
    received: '2026-05-02T11:00:00+01:00',
  });
  await referral('R8', {
    client: 'C4',
    service: 'CARE_ACT',
    source: 'PROFESSIONAL',
    area: 'RUTLAND',
    status: 'DECLINED', // eligible, in scope → OTHER
    issues: ['SAFEGUARDING'],
    received: '2026-06-15T00:30:00+01:00', // London's 15 June (UTC's 14th): C4 is 18
  });
  await referral('R9', {
    client: 'C1',
    service: 'IMHA',
    source: 'NEAREST_RELATIVE',
    area: 'LEICESTER',
    status: 'AWAITING_ALLOCATION',
    issues: ['MEDICATION'],
    received: '2026-06-30T23:59:59+01:00', // the last second of the period
  });
  await referral('R10', {
    client: 'C2',
    service: 'CARE_ACT',
    source: 'CARE_STAFF',
    area: 'LEICESTERSHIRE',
    status: 'ALLOCATED',
    issues: ['SAFEGUARDING', 'COMPLAINT'],
    received: '2026-06-20T10:00:00+01:00',
    advocate: ben.id,
  });
  // Outside the quarter.
  await referral('R11', {
    client: 'C3',
    service: 'IMHA',
    source: 'SELF',
    area: 'LEICESTER',
    status: 'ACTIVE',
    issues: ['TREATMENT'],
    received: '2026-03-31T23:30:00+01:00', // London's 31 March: financial year 2025/26
    firstContact: '2026-04-01T23:30:00+01:00',
    advocate: ada.id,
  });
  await referral('R12', {
    client: 'C3',
    service: 'IMHA',
    source: 'SELF',
    area: 'LEICESTER',
    status: 'RECEIVED',
    issues: ['TREATMENT'],
    received: '2026-07-01T00:00:00+01:00', // the first instant after the period
  });
  await referral('R13', {
    client: 'C1',
    service: 'COMMUNITY',
    source: 'SELF',
    area: 'LEICESTER',
    status: 'CLOSED',
    outcome: 'CLIENT_WITHDREW',
    issues: ['OTHER'],
    received: '2025-03-31T23:30:00+01:00', // London's 31 March 2025: financial year 2024/25
    firstContact: '2025-04-02T10:00:00+01:00',
    advocate: ada.id,
    closed: '2025-04-05T10:00:00+01:00',
  });

  await signpost('R6', carersCentre.id, carersCentre.name);
  await signpost('R7', carersCentre.id, carersCentre.name);
  await signpost('R7', null, 'Local housing advice');

  const [hospital] = await sql(`INSERT INTO hospitals (name) VALUES ('Report Hospital') RETURNING id`);
  [{ id: ward1 }] = await sql(`INSERT INTO wards (hospital_id, name) VALUES ($1, 'Ward One') RETURNING id`, [
    hospital.id,
  ]);
  // A ward whose name would be a formula in a spreadsheet.
  [{ id: ward2 }] = await sql(
    `INSERT INTO wards (hospital_id, name) VALUES ($1, '=SUM(A1:A2)') RETURNING id`,
    [hospital.id],
  );
  await visit(ward1, '2026-04-05', 'HELD', 3, 1, 90);
  await visit(ward1, '2026-06-30', 'HELD', 2, 0, 60);
  await visit(ward1, '2026-05-01', 'CANCELLED');
  await visit(ward1, '2026-05-08', 'PLANNED'); // not counted
  await visit(ward1, '2026-07-01', 'HELD', 9, 9, 99); // outside

  await note('R1', 'CONTACT', 30, '2026-04-02T10:00:00+01:00');
  await note('R1', 'CONTACT', 15, '2026-06-30T23:30:00+01:00'); // London's 30 June
  await note('R3', 'MEETING', 45, '2026-05-10T10:00:00+01:00');
  await note('R3', 'ADMIN', null, '2026-05-10T11:00:00+01:00'); // no time recorded
  await note('R3', 'ADMIN', 20, '2026-07-01T00:10:00+01:00'); // London's 1 July (UTC's 30 June): outside
}, 60_000);
afterAll(() => t.close());

describe('GET /api/reports/summary: every figure for known data', () => {
  let s: any;
  beforeAll(async () => {
    const answer = await summary(Q1);
    expect(answer.status).toBe(200);
    s = answer.body;
  });

  it('names the period and its totals', () => {
    expect(s.period).toEqual({
      from: '2026-04-01',
      to: '2026-06-30',
      label: 'Q1 2026/27 (April to June 2026)',
      timeZone: 'Europe/London',
    });
    expect(s.totals).toEqual({
      received: 10,
      declined: 3,
      contacted: 5,
      awaitingContact: 2, // R9 awaiting allocation, R10 allocated
      closed: 2,
      openCaseload: 5, // R1, R3, R5, R10 and R11 (received before the period, open now)
      visitsHeld: 2,
      patientsSeen: 5,
      minutesRecorded: 240, // notes 30 + 15 + 45, visits 90 + 60
    });
  });

  it('counts referrals by service, source, local authority, status and outcome, zeros included', () => {
    expect(counts(s.byService)).toEqual({ IMHA: 4, CARERS: 1, CARE_ACT: 2, COMMUNITY: 3 });
    expect(s.byService[0]).toEqual({
      key: 'IMHA',
      label: 'IMHA — Independent Mental Health Advocacy',
      count: 4,
    });
    expect(counts(s.bySource)).toEqual({
      SELF: 3,
      NEAREST_RELATIVE: 1,
      CARE_STAFF: 2,
      OTHER_CONCERNED: 1,
      PROFESSIONAL: 2,
      WARD_VISIT: 1,
      NOMINATED_PERSON: 0,
    });
    expect(counts(s.byLocalAuthority)).toEqual({
      LEICESTER: 4,
      LEICESTERSHIRE: 3,
      RUTLAND: 2,
      OUTSIDE_AREA: 1,
    });
    expect(counts(s.byStatus)).toEqual({
      RECEIVED: 0,
      AWAITING_ALLOCATION: 1,
      DECLINED: 3,
      ALLOCATED: 1,
      ACTIVE: 3,
      CLOSED: 2,
    });
    expect(counts(s.byOutcome)).toEqual({
      ISSUES_RESOLVED: 1,
      PARTIALLY_RESOLVED: 0,
      NOT_RESOLVED: 1,
      CLIENT_WITHDREW: 0,
      NO_LONGER_ELIGIBLE: 0,
      UNABLE_TO_CONTACT: 0,
      TRANSFERRED: 0,
      DIED: 0,
    });
  });

  it('counts issues raised (each issue of a referral once) and referrals by month received', () => {
    expect(counts(s.byIssue)).toEqual({
      TREATMENT: 2,
      DISCHARGE: 1,
      APPEAL_TRIBUNAL: 1,
      CARE_PLANNING: 1,
      MEDICATION: 1,
      COMPLAINT: 1,
      SAFEGUARDING: 2,
      CARER_RIGHTS: 1,
      INFORMATION: 1,
      OTHER: 0,
      BENEFITS: 1,
      HOUSING: 1,
      CHILD_PROTECTION: 0,
      DEBT: 1,
      LEGAL: 0,
    });
    expect(s.byMonth).toEqual([
      { key: '2026-04', label: 'April 2026', count: 3 },
      { key: '2026-05', label: 'May 2026', count: 3 },
      { key: '2026-06', label: 'June 2026', count: 4 },
    ]);
  });

  it('classes the declined ones and counts where people were signposted', () => {
    expect(s.declined).toEqual({
      total: 3,
      byReason: [
        { key: 'NOT_ELIGIBLE', label: 'Not eligible for the service', count: 1 },
        { key: 'OUT_OF_SCOPE', label: 'No issue within the service’s scope', count: 1 },
        { key: 'OTHER', label: 'Other reason', count: 1 },
      ],
      signposting: [
        { key: carersCentre.id, label: 'The Carers Centre', count: 2 },
        { key: 'OTHER', label: 'Somewhere not in the directory', count: 1 },
      ],
      signposted: 2,
    });
    expect(JSON.stringify(s)).not.toContain('Free text that reports never show');
    expect(JSON.stringify(s)).not.toContain('Local housing advice');
  });

  it('gives the waiting times worked out by hand: median, 90th percentile and share within target', () => {
    // Contacted after 1, 2, 3 (IMHA, target 2), 4 and 10 days (community, target 10).
    // Median 3; p90 at rank 0.9 × 4 = 3.6 → 4 + 0.6 × (10 − 4) = 7.6; within: 1, 2, 4, 10 → 4 of 5.
    expect(s.waitingTimes.overall).toEqual({
      contacted: 5,
      medianDays: 3,
      p90Days: 7.6,
      withinTarget: 4,
      shareWithinTarget: 0.8,
      stillWaiting: 2,
      stillWaitingBeyondTarget: 2,
    });
    const byService = Object.fromEntries(s.waitingTimes.byService.map((w: any) => [w.serviceType, w]));
    // IMHA: 1, 2, 3 → median 2, p90 at rank 1.8 → 2 + 0.8 × 1 = 2.8; 2 of 3 within 2 days; R9 waits.
    expect(byService.IMHA).toEqual({
      serviceType: 'IMHA',
      label: 'IMHA — Independent Mental Health Advocacy',
      targetDays: 2,
      contacted: 3,
      medianDays: 2,
      p90Days: 2.8,
      withinTarget: 2,
      shareWithinTarget: 0.667,
      stillWaiting: 1,
      stillWaitingBeyondTarget: 1,
    });
    // Community: 4, 10 → median 7, p90 4 + 0.9 × 6 = 9.4; both within 10 days.
    expect(byService.COMMUNITY).toMatchObject({
      targetDays: 10,
      contacted: 2,
      medianDays: 7,
      p90Days: 9.4,
      withinTarget: 2,
      shareWithinTarget: 1,
      stillWaiting: 0,
    });
    expect(byService.CARE_ACT).toMatchObject({
      targetDays: 5,
      contacted: 0,
      medianDays: null,
      p90Days: null,
      shareWithinTarget: null,
      stillWaiting: 1,
      stillWaitingBeyondTarget: 1,
    });
    expect(byService.CARERS).toMatchObject({ targetDays: 10, contacted: 0, stillWaiting: 0 });
  });

  it('gives each advocate’s caseload, an advocate with none included', () => {
    expect(s.caseload).toEqual([
      { advocateId: ada.id, advocateName: 'Ada Advocate', open: 3, receivedInPeriod: 3, closedInPeriod: 1 },
      { advocateId: ben.id, advocateName: 'Ben Advocate', open: 2, receivedInPeriod: 3, closedInPeriod: 1 },
      { advocateId: cal.id, advocateName: 'Cal Advocate', open: 0, receivedInPeriod: 0, closedInPeriod: 0 },
      {
        advocateId: expect.any(String),
        advocateName: 'Dee Advocate',
        open: 0,
        receivedInPeriod: 0,
        closedInPeriod: 0,
      },
    ]);
  });

  it('gives visits held and patients seen per ward, every ward included', () => {
    expect(s.visits).toEqual([
      {
        wardId: ward2,
        wardName: '=SUM(A1:A2)',
        hospitalName: 'Report Hospital',
        held: 0,
        cancelled: 0,
        patientsSeen: 0,
        newReferrals: 0,
        minutesSpent: 0,
      },
      {
        wardId: ward1,
        wardName: 'Ward One',
        hospitalName: 'Report Hospital',
        held: 2,
        cancelled: 1,
        patientsSeen: 5,
        newReferrals: 1,
        minutesSpent: 150,
      },
    ]);
  });

  it('gives the time recorded per activity', () => {
    expect(s.time).toEqual([
      { activity: 'CONTACT', label: 'Case notes: contact', entries: 2, minutes: 45 },
      { activity: 'VISIT', label: 'Case notes: visit', entries: 0, minutes: 0 },
      { activity: 'MEETING', label: 'Case notes: meeting', entries: 1, minutes: 45 },
      { activity: 'ADMIN', label: 'Case notes: admin', entries: 0, minutes: 0 },
      { activity: 'OTHER', label: 'Case notes: other', entries: 0, minutes: 0 },
      { activity: 'WARD_VISIT', label: 'Ward visits held', entries: 2, minutes: 150 },
    ]);
  });

  it('breaks referrals down by the people’s recorded answers, "not recorded" included', () => {
    expect(counts(s.demographics.ageBand)).toEqual({
      UNDER_18: 1, // R5: C4 is 17 on 14 June
      AGE_18_24: 4, // C2's three (its recorded band), and R8: C4 is 18 on London's 15 June
      AGE_25_34: 0, // C4's recorded band: the date of birth wins
      AGE_35_44: 3, // C1 (35, then 36)
      AGE_45_54: 0,
      AGE_55_64: 0,
      AGE_65_74: 0,
      AGE_75_PLUS: 0,
      PREFER_NOT_TO_SAY: 0,
      NOT_RECORDED: 2,
    });
    expect(counts(s.demographics.gender)).toEqual({
      WOMAN: 3,
      MAN: 3,
      NON_BINARY: 0,
      OTHER: 0,
      PREFER_NOT_TO_SAY: 2,
      NOT_RECORDED: 2,
    });
    expect(counts(s.demographics.ethnicity)).toEqual({
      ASIAN: 3,
      BLACK: 0,
      MIXED: 0,
      WHITE: 3,
      OTHER: 0,
      PREFER_NOT_TO_SAY: 2,
      NOT_RECORDED: 2,
    });
    expect(counts(s.demographics.disability)).toEqual({
      YES: 3,
      NO: 3,
      PREFER_NOT_TO_SAY: 2,
      NOT_RECORDED: 2,
    });
    expect(s.demographics.gender.at(-1)).toEqual({ key: 'NOT_RECORDED', label: 'Not recorded', count: 2 });
  });

  it('drills down: every bar’s count is the length of the referral list it links to', async () => {
    const period = `receivedFrom=${Q1.from}&receivedTo=${Q1.to}`;
    const bars: [string, { key: string; count: number }[]][] = [
      ['serviceType', s.byService],
      ['source', s.bySource],
      ['localAuthority', s.byLocalAuthority],
      ['status', s.byStatus],
      ['outcome', s.byOutcome],
      ['issue', s.byIssue],
      ['declineReason', s.declined.byReason],
      ['signpost', s.declined.signposting],
      ['ageBand', s.demographics.ageBand],
      ['gender', s.demographics.gender],
      ['ethnicity', s.demographics.ethnicity],
      ['disability', s.demographics.disability],
    ];
    const mismatches: string[] = [];
    let checked = 0;
    for (const [filter, items] of bars) {
      for (const item of items) {
        const list = await t.request('GET', `/api/referrals?limit=200&${period}&${filter}=${item.key}`, {
          token: manager.token,
        });
        expect(list.status).toBe(200);
        if (list.body.items.length !== item.count)
          mismatches.push(`${filter}=${item.key}: ${list.body.items.length} ≠ ${item.count}`);
        checked += 1;
      }
    }
    for (const month of s.byMonth) {
      const [from, to] =
        month.key === '2026-04'
          ? ['2026-04-01', '2026-04-30']
          : month.key === '2026-05'
            ? ['2026-05-01', '2026-05-31']
            : ['2026-06-01', '2026-06-30'];
      const list = await t.request('GET', `/api/referrals?limit=200&receivedFrom=${from}&receivedTo=${to}`, {
        token: manager.token,
      });
      if (list.body.items.length !== month.count) mismatches.push(`month ${month.key}`);
    }
    const open = await t.request(
      'GET',
      `/api/referrals?limit=200&advocateId=${ada.id}&status=ALLOCATED,ACTIVE`,
      {
        token: manager.token,
      },
    );
    expect(open.body.items).toHaveLength(s.caseload[0].open);
    expect(mismatches).toEqual([]);
    expect(checked).toBe(4 + 7 + 4 + 6 + 8 + 15 + 3 + 2 + 10 + 6 + 7 + 4);
  });

  it('keeps keyset pagination on the drill-down list: every referral once, in received order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: any = await t.request(
        'GET',
        `/api/referrals?limit=3&receivedFrom=${Q1.from}&receivedTo=${Q1.to}&order=oldest${cursor ? `&cursor=${cursor}` : ''}`,
        { token: manager.token },
      );
      seen.push(...page.body.items.map((r: { id: string }) => r.id));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen).toEqual(['R1', 'R2', 'R6', 'R7', 'R3', 'R4', 'R5', 'R8', 'R10', 'R9'].map((k) => ids[k]));
  });
});

describe('period boundaries', () => {
  it('counts the last second of an inclusive end date, and nothing after it', async () => {
    const lastDay = await summary({ from: '2026-06-30', to: '2026-06-30' });
    expect(lastDay.body.totals.received).toBe(1); // R9 at 23:59:59 BST
    const nextDay = await summary({ from: '2026-07-01', to: '2026-07-01' });
    expect(nextDay.body.totals.received).toBe(1); // R12 at 00:00 BST
    expect(counts(nextDay.body.byStatus).RECEIVED).toBe(1);
  });

  it('takes the financial-year preset as 1 April to 31 March in London time', async () => {
    const fy = presetPeriod('FINANCIAL_YEAR', '2026-01-15');
    expect(fy).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    const answer = await summary(fy);
    expect(answer.status).toBe(200);
    expect(answer.body.period.label).toBe('Financial year 2025/26');
    // R11 (23:30 on London's 31 March 2026) only: R13 fell on 31 March 2025, R1 on 1 April 2026.
    expect(answer.body.totals.received).toBe(1);
    expect(answer.body.byMonth).toHaveLength(12);
    expect(answer.body.byMonth.at(-1)).toEqual({ key: '2026-03', label: 'March 2026', count: 1 });
    expect(answer.body.waitingTimes.overall).toMatchObject({ contacted: 1, medianDays: 1, withinTarget: 1 });
    // R13 was closed in April 2025: the advocate's closure counts in that year.
    expect(answer.body.caseload[0]).toMatchObject({ advocateName: 'Ada Advocate', closedInPeriod: 1 });
  });
});

describe('bad periods', () => {
  it.each([
    ['from=2026-02-30&to=2026-03-01', [{ field: 'from', message: 'must be a date (YYYY-MM-DD)' }]],
    ['from=2026-01-01', [{ field: 'to', message: 'must be a date (YYYY-MM-DD)' }]],
    [
      'from=yesterday&to=2026-13-01',
      [
        { field: 'from', message: 'must be a date (YYYY-MM-DD)' },
        { field: 'to', message: 'must be a date (YYYY-MM-DD)' },
      ],
    ],
    ['from=2026-05-02&to=2026-05-01', [{ field: 'to', message: 'must be on or after from' }]],
    ['from=2026-01-01&to=2027-01-02', [{ field: 'to', message: 'the period must be at most 366 days long' }]],
  ])('%s → 400 naming the field', async (query, errors) => {
    for (const path of ['/api/reports/summary', '/api/reports/summary.csv']) {
      const answer = await t.request('GET', `${path}?${query}`, { token: manager.token });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body.errors).toEqual(errors);
    }
  });

  it('refuses a drill-down whose end is before its start', async () => {
    const answer = await t.request('GET', '/api/referrals?receivedFrom=2026-05-02&receivedTo=2026-05-01', {
      token: manager.token,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      { field: 'receivedTo', message: 'must be on or after receivedFrom' },
    ]);
  });
});

describe('GET /api/reports/summary.csv', () => {
  it('is the same figures as one tidy, injection-safe table named after the period', async () => {
    const answer = await t.request('GET', `/api/reports/summary.csv?from=${Q1.from}&to=${Q1.to}`, {
      token: manager.token,
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe(
      'attachment; filename="beacon-report-2026-04-01-to-2026-06-30.csv"',
    );
    // A UTF-8 byte order mark first, so spreadsheet programs read the dashes and quotes (fetch's
    // text() drops it, so the raw bytes are checked).
    const raw = await fetch(`${t.baseUrl}/api/reports/summary.csv?from=${Q1.from}&to=${Q1.to}`, {
      headers: { authorization: `Bearer ${manager.token}` },
    });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(answer.text.startsWith('section,key,label,measure,value\r\n')).toBe(true);
    const lines = answer.text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    for (const line of [
      'period,from,First day (inclusive),date,2026-04-01',
      'period,to,Last day (inclusive),date,2026-06-30',
      'totals,received,Referrals received,referrals,10',
      'by_service,IMHA,IMHA — Independent Mental Health Advocacy,referrals,4',
      'by_source,NOMINATED_PERSON,Nominated person (Mental Health Act 2025),referrals,0',
      'by_local_authority,OUTSIDE_AREA,Outside the area,referrals,1',
      'by_status,DECLINED,Declined,referrals,3',
      'by_outcome,ISSUES_RESOLVED,Issues resolved,referrals,1',
      'by_issue,SAFEGUARDING,Safeguarding,referrals,2',
      'by_month,2026-06,June 2026,referrals,4',
      'declined_by_reason,OUT_OF_SCOPE,No issue within the service’s scope,referrals,1',
      `signposting,${carersCentre.id},The Carers Centre,referrals,2`,
      'signposting,OTHER,Somewhere not in the directory,referrals,1',
      'signposting,ANY,Signposted anywhere,referrals,2',
      'waiting_times,ALL,All services,median_days,3',
      'waiting_times,ALL,All services,p90_days,7.6',
      'waiting_times,ALL,All services,share_within_target,0.8',
      'waiting_times,CARE_ACT,Care Act advocacy,median_days,',
      'waiting_times,IMHA,IMHA — Independent Mental Health Advocacy,target_days,2',
      `caseload,${ada.id},Ada Advocate,open,3`,
      `ward_visits,${ward1},"Ward One, Report Hospital",patients_seen,5`,
      // A formula-like name is defused with a leading apostrophe (CSV injection).
      `ward_visits,${ward2},"'=SUM(A1:A2), Report Hospital",held,0`,
      'time,WARD_VISIT,Ward visits held,minutes,150',
      'age_band,AGE_18_24,18 to 24,referrals,4',
      'gender,NOT_RECORDED,Not recorded,referrals,2',
      'ethnicity,ASIAN,Asian or Asian British,referrals,3',
      'disability,PREFER_NOT_TO_SAY,Prefer not to say,referrals,2',
    ])
      expect(lines).toContain(line);
    // Every row has the five columns (quoted commas aside).
    const sections = new Set(lines.slice(1, -1).map((line) => line.split(',')[0]));
    expect([...sections]).toEqual([
      'period',
      'totals',
      'by_service',
      'by_source',
      'by_local_authority',
      'by_status',
      'by_outcome',
      'by_issue',
      'by_month',
      'declined_by_reason',
      'signposting',
      'waiting_times',
      'caseload',
      'ward_visits',
      'time',
      'age_band',
      'gender',
      'ethnicity',
      'disability',
    ]);
    expect(answer.text).not.toContain('Free text that reports never show');
  });
});

describe('audit and access', () => {
  it('audits each read with the period and nothing personal', async () => {
    await summary(Q1);
    await t.request('GET', `/api/reports/summary.csv?from=${Q1.from}&to=${Q1.to}`, { token: admin.token });
    const events = await sql(
      `SELECT actor_id, action, entity_type, entity_id, details FROM audit_events
        WHERE action LIKE 'report.%' ORDER BY seq DESC LIMIT 2`,
    );
    expect(events).toEqual([
      {
        actor_id: admin.userId,
        action: 'report.export',
        entity_type: 'report',
        entity_id: null,
        details: { from: '2026-04-01', to: '2026-06-30', format: 'csv' },
      },
      {
        actor_id: managerUser.id,
        action: 'report.summary',
        entity_type: 'report',
        entity_id: null,
        details: { from: '2026-04-01', to: '2026-06-30' },
      },
    ]);
  });

  it('does not audit a refused period (nothing was read)', async () => {
    const [{ n: before }] = await sql(
      `SELECT count(*)::int AS n FROM audit_events WHERE action LIKE 'report.%'`,
    );
    await t.request('GET', '/api/reports/summary?from=2026-05-02&to=2026-05-01', { token: manager.token });
    const [{ n: after }] = await sql(
      `SELECT count(*)::int AS n FROM audit_events WHERE action LIKE 'report.%'`,
    );
    expect(after).toBe(before);
  });

  it('is for managers and admins: advocates get 403, nobody signed in 401', async () => {
    for (const path of [
      `/api/reports/summary?from=${Q1.from}&to=${Q1.to}`,
      `/api/reports/summary.csv?from=${Q1.from}&to=${Q1.to}`,
      '/api/reports/targets',
    ]) {
      expect((await t.request('GET', path, { token: advocate.token })).status).toBe(403);
      expect((await t.request('GET', path)).status).toBe(401);
      expect((await t.request('GET', path, { token: manager.token })).status).toBe(200);
      expect((await t.request('GET', path, { token: admin.token })).status).toBe(200);
    }
  });

  it('runs the same number of queries however much there is to count', async () => {
    let statements = 0;
    const restore = listenToQueries(t.dataSource, () => void (statements += 1));
    try {
      statements = 0;
      await summary({ from: '2026-07-01', to: '2026-07-01' }); // one referral
      const small = statements;
      statements = 0;
      await summary(Q1); // ten, with visits, notes and signposts
      expect(statements).toBe(small);
      expect(small).toBeLessThanOrEqual(16);
    } finally {
      restore();
    }
  });
});

describe('waiting-time targets', () => {
  it('lists each service’s target for managers and admins', async () => {
    const answer = await t.request('GET', '/api/reports/targets', { token: manager.token });
    expect(answer.body.items.map((i: any) => [i.serviceType, i.targetDays, i.version])).toEqual([
      ['IMHA', 2, 1],
      ['CARERS', 10, 1],
      ['CARE_ACT', 5, 1],
      ['COMMUNITY', 10, 1],
    ]);
  });

  it('lets admins change one (audited), refuses bad input and stale versions, and the figures follow', async () => {
    const path = '/api/reports/targets/COMMUNITY';
    expect(
      (await t.request('PATCH', path, { token: manager.token, body: { targetDays: 3, version: 1 } })).status,
    ).toBe(403);
    const bad = await t.request('PATCH', path, { token: admin.token, body: { targetDays: 0, version: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.field)).toEqual(['targetDays']);
    const notService = await t.request('PATCH', '/api/reports/targets/DENTAL', {
      token: admin.token,
      body: { targetDays: 3, version: 1 },
    });
    expect(notService.status).toBe(400);
    expect(notService.body.errors.map((e: any) => e.field)).toEqual(['serviceType']);

    const changed = await t.request('PATCH', path, {
      token: admin.token,
      body: { targetDays: 3, version: 1 },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ serviceType: 'COMMUNITY', targetDays: 3, version: 2 });
    const stale = await t.request('PATCH', path, { token: admin.token, body: { targetDays: 4, version: 1 } });
    expect(stale.status).toBe(409);
    const [event] = await sql(
      `SELECT action, details FROM audit_events WHERE action = 'report.target-update' ORDER BY seq DESC LIMIT 1`,
    );
    expect(event).toEqual({
      action: 'report.target-update',
      details: { serviceType: 'COMMUNITY', before: 10, after: 3 },
    });

    // Community contacts took 4 and 10 days: neither is within 3 now. Overall: 1 and 2 days (IMHA) of 5.
    const after = (await summary(Q1)).body;
    const community = after.waitingTimes.byService.find((w: any) => w.serviceType === 'COMMUNITY');
    expect(community).toMatchObject({ targetDays: 3, withinTarget: 0, shareWithinTarget: 0 });
    expect(after.waitingTimes.overall).toMatchObject({ withinTarget: 2, shareWithinTarget: 0.4 });
  });
});

describe('equality monitoring on clients', () => {
  it('takes the optional answers at creation, changes them with PATCH (audited by field name) and clears with null', async () => {
    const created = await t.request('POST', '/api/clients', {
      token: manager.token,
      body: {
        firstName: 'Monitor',
        lastName: 'Person',
        localAuthority: 'RUTLAND',
        gender: 'NON_BINARY',
        disability: 'YES',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ageBand: null,
      gender: 'NON_BINARY',
      ethnicity: null,
      disability: 'YES',
    });
    const path = `/api/clients/${created.body.id}`;

    const bad = await t.request('PATCH', path, {
      token: manager.token,
      body: { ethnicity: 'Martian', ageBand: 'NOT_RECORDED', version: 1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.field).sort()).toEqual(['ageBand', 'ethnicity']);

    const changed = await t.request('PATCH', path, {
      token: manager.token,
      body: { ethnicity: 'MIXED', ageBand: 'AGE_45_54', disability: null, version: 1 },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      ageBand: 'AGE_45_54',
      gender: 'NON_BINARY',
      ethnicity: 'MIXED',
      disability: null,
      version: 2,
    });
    expect(
      (await t.request('PATCH', path, { token: manager.token, body: { gender: 'MAN', version: 1 } })).status,
    ).toBe(409);
    // Another advocate's client is not found; admins may not change case records.
    expect(
      (await t.request('PATCH', path, { token: advocate.token, body: { gender: 'MAN', version: 2 } })).status,
    ).toBe(404);
    expect(
      (await t.request('PATCH', path, { token: admin.token, body: { gender: 'MAN', version: 2 } })).status,
    ).toBe(403);

    const [event] = await sql(
      `SELECT action, entity_id, details FROM audit_events WHERE action = 'client.update' ORDER BY seq DESC LIMIT 1`,
    );
    expect(event).toEqual({
      action: 'client.update',
      entity_id: created.body.id,
      details: { fields: ['ageBand', 'ethnicity', 'disability'] },
    });
  });
});

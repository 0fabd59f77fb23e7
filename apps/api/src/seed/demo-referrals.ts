import type { EntityManager } from 'typeorm';
import {
  FIRST_CONTACT_TARGET_DAYS,
  addDays,
  checkEligibility,
  classifyIssues,
  londonDate,
  transition,
  type ClosureOutcome,
  type EligibilityFacts,
  type Issue,
  type LegalStatus,
  type LocalAuthority,
  type Priority,
  type ReferralAction,
  type ReferralSource,
  type ReferralStatus,
  type Role,
  type ServiceType,
} from '@beacon/domain';
import type { AuditService } from '../audit/audit.service';
import { AuthorisationEntity } from '../authorisations/entities/authorisation.entity';
import { ClientEntity } from '../clients/entities/client.entity';
import { nameKey } from '../clients/name-key';
import { ReferralEventEntity } from '../referrals/entities/referral-event.entity';
import { ReferralEntity } from '../referrals/entities/referral.entity';
import { nextReference } from '../referrals/reference';
import { ReferralSignpostEntity } from '../signposting/entities/referral-signpost.entity';
import { SignpostingServiceEntity } from '../signposting/entities/signposting-service.entity';

/**
 * About forty demo referrals across the four services, every source, the three local
 * authorities (and one from outside) and every status, with their history, signposting and
 * carers' authorisations. Dates are relative to the day of seeding so waiting times look
 * live. Every row passes the same domain rules as real intake: eligibility and scope are
 * computed, and each step of the history is checked against the state machine.
 */

type Fact = LegalStatus | 'SUBSTANTIAL' | 'HAS_SUPPORT' | 'SAFEGUARDING' | 'CARER' | '-';
type Who = 'sam' | 'jordan' | null;

interface DemoRow {
  name: [string, string];
  born: string;
  service: ServiceType;
  fact: Fact;
  source: ReferralSource;
  area: LocalAuthority;
  issues: Issue[];
  status: ReferralStatus;
  advocate: Who;
  daysAgo: number;
  priority?: Priority;
  outcome?: ClosureOutcome;
}

const r = (
  name: string,
  born: string,
  service: ServiceType,
  fact: Fact,
  source: ReferralSource,
  area: LocalAuthority,
  issues: string,
  status: ReferralStatus,
  advocate: Who,
  daysAgo: number,
  extra: Partial<Pick<DemoRow, 'priority' | 'outcome'>> = {},
): DemoRow => ({
  name: name.split(' ') as [string, string],
  born,
  service,
  fact,
  source,
  area,
  issues: issues.split(',') as Issue[],
  status,
  advocate,
  daysAgo,
  ...extra,
});

// prettier-ignore
export const DEMO_REFERRALS: DemoRow[] = [
  // Awaiting triage
  r('Aisha Begum', '1994-02-11', 'IMHA', 'S2', 'CARE_STAFF', 'LEICESTER', 'TREATMENT,APPEAL_TRIBUNAL', 'RECEIVED', null, 0, { priority: 'URGENT' }),
  r('Tomasz Nowak', '1979-07-30', 'IMHA', 'S3', 'SELF', 'LEICESTER', 'MEDICATION', 'RECEIVED', null, 1),
  r('Grace Okafor', '16y', 'IMHA', 'INFORMAL', 'PROFESSIONAL', 'LEICESTERSHIRE', 'TREATMENT', 'RECEIVED', null, 2),
  r('Harvey Lowe', '1961-12-19', 'IMHA', 'S136', 'CARE_STAFF', 'LEICESTER', 'INFORMATION', 'RECEIVED', null, 1),
  r('Megan Price', '1988-09-05', 'COMMUNITY', '-', 'SELF', 'RUTLAND', 'CARE_PLANNING,HOUSING', 'RECEIVED', null, 3),
  r('Daniel Kowalski', '1970-03-14', 'CARE_ACT', 'SUBSTANTIAL', 'PROFESSIONAL', 'LEICESTERSHIRE', 'CARE_PLANNING', 'RECEIVED', null, 4),
  r('Priti Mistry', '1983-06-21', 'CARERS', 'CARER', 'SELF', 'LEICESTER', 'CARER_RIGHTS', 'RECEIVED', null, 2),
  // Awaiting allocation
  r('Liam Fletcher', '1990-01-25', 'IMHA', 'S37', 'NEAREST_RELATIVE', 'LEICESTER', 'DISCHARGE,APPEAL_TRIBUNAL', 'AWAITING_ALLOCATION', null, 5, { priority: 'URGENT' }),
  r('Chloe Adeyemi', '1998-11-08', 'IMHA', 'CTO', 'SELF', 'LEICESTERSHIRE', 'CARE_PLANNING', 'AWAITING_ALLOCATION', null, 6),
  r('Ravi Chauhan', '1975-05-17', 'COMMUNITY', '-', 'PROFESSIONAL', 'LEICESTER', 'COMPLAINT', 'AWAITING_ALLOCATION', null, 8),
  r('Sophie Marsh', '1966-08-29', 'CARE_ACT', 'SAFEGUARDING', 'PROFESSIONAL', 'RUTLAND', 'SAFEGUARDING', 'AWAITING_ALLOCATION', null, 9),
  r('Kwame Mensah', '1959-10-03', 'CARERS', 'CARER', 'OTHER_CONCERNED', 'LEICESTER', 'CARER_RIGHTS,INFORMATION', 'AWAITING_ALLOCATION', null, 7),
  r('Ellie Turner', '2001-02-16', 'IMHA', 'S3', 'WARD_VISIT', 'LEICESTER', 'TREATMENT,MEDICATION', 'AWAITING_ALLOCATION', null, 3),
  // Declined
  r('Gary Wilkins', '1972-04-09', 'COMMUNITY', '-', 'SELF', 'LEICESTER', 'BENEFITS', 'DECLINED', null, 20),
  r('Natalia Silva', '1985-12-01', 'COMMUNITY', '-', 'OTHER_CONCERNED', 'LEICESTERSHIRE', 'HOUSING,DEBT', 'DECLINED', null, 34),
  r('Owen Hughes', '1993-07-12', 'IMHA', 'S5_2', 'CARE_STAFF', 'LEICESTER', 'TREATMENT', 'DECLINED', null, 15),
  r('Brenda Lamb', '1957-03-23', 'COMMUNITY', '-', 'SELF', 'OUTSIDE_AREA', 'CARE_PLANNING', 'DECLINED', null, 41),
  r('Imran Qureshi', '1980-10-30', 'CARE_ACT', 'HAS_SUPPORT', 'PROFESSIONAL', 'LEICESTER', 'CARE_PLANNING,LEGAL', 'DECLINED', null, 27),
  // Allocated, waiting for first contact
  r('Jade Robinson', '1996-05-06', 'IMHA', 'S2', 'CARE_STAFF', 'LEICESTER', 'APPEAL_TRIBUNAL', 'ALLOCATED', 'sam', 4, { priority: 'URGENT' }),
  r('Marcus Bell', '1987-01-19', 'IMHA', 'S3', 'WARD_VISIT', 'LEICESTERSHIRE', 'TREATMENT,CARE_PLANNING', 'ALLOCATED', 'sam', 6),
  r('Hannah Cole', '1991-09-27', 'COMMUNITY', '-', 'SELF', 'LEICESTER', 'INFORMATION', 'ALLOCATED', 'sam', 10),
  r('Arjun Patel', '1968-06-15', 'CARE_ACT', 'SUBSTANTIAL', 'PROFESSIONAL', 'LEICESTERSHIRE', 'CARE_PLANNING', 'ALLOCATED', 'jordan', 7),
  r('Rosa Fernandes', '1977-11-22', 'CARERS', 'CARER', 'SELF', 'RUTLAND', 'CARER_RIGHTS', 'ALLOCATED', 'jordan', 12),
  r('Callum Reid', '17y', 'IMHA', 'INFORMAL', 'NEAREST_RELATIVE', 'LEICESTER', 'TREATMENT', 'ALLOCATED', 'sam', 5),
  r('Fatima Hassan', '1982-02-08', 'IMHA', 'S37_41', 'PROFESSIONAL', 'LEICESTER', 'DISCHARGE', 'ALLOCATED', 'jordan', 9),
  // Active
  r('Peter Dawson', '1963-08-18', 'IMHA', 'S3', 'SELF', 'LEICESTER', 'APPEAL_TRIBUNAL,DISCHARGE', 'ACTIVE', 'sam', 18),
  r('Zara Ahmed', '1999-04-25', 'IMHA', 'S2', 'WARD_VISIT', 'LEICESTER', 'TREATMENT', 'ACTIVE', 'sam', 13),
  r('Nathan Brooks', '1986-12-12', 'IMHA', 'CTO', 'CARE_STAFF', 'LEICESTERSHIRE', 'CARE_PLANNING,MEDICATION', 'ACTIVE', 'sam', 30),
  r('Linda Moore', '1955-01-31', 'CARE_ACT', 'SUBSTANTIAL', 'PROFESSIONAL', 'RUTLAND', 'CARE_PLANNING', 'ACTIVE', 'sam', 22),
  r('Yusuf Ali', '1974-07-07', 'COMMUNITY', '-', 'OTHER_CONCERNED', 'LEICESTER', 'COMPLAINT,INFORMATION', 'ACTIVE', 'jordan', 25),
  r('Emma Walsh', '1989-05-14', 'CARERS', 'CARER', 'PROFESSIONAL', 'LEICESTERSHIRE', 'CARER_RIGHTS', 'ACTIVE', 'jordan', 19),
  r('Samuel Green', '1971-09-09', 'IMHA', 'GUARDIANSHIP', 'NEAREST_RELATIVE', 'LEICESTERSHIRE', 'CARE_PLANNING', 'ACTIVE', 'jordan', 40),
  r('Leah Carter', '1995-10-20', 'IMHA', 'S3', 'SELF', 'LEICESTER', 'MEDICATION,COMPLAINT,BENEFITS', 'ACTIVE', 'jordan', 16),
  r('Joseph Evans', '1948-02-02', 'CARE_ACT', 'SAFEGUARDING', 'PROFESSIONAL', 'LEICESTER', 'SAFEGUARDING', 'ACTIVE', 'sam', 11, { priority: 'URGENT' }),
  // Closed
  r('Olivia Shaw', '1992-06-01', 'IMHA', 'S2', 'CARE_STAFF', 'LEICESTER', 'APPEAL_TRIBUNAL', 'CLOSED', 'sam', 75, { outcome: 'ISSUES_RESOLVED' }),
  r('David Knight', '1965-03-27', 'COMMUNITY', '-', 'SELF', 'LEICESTERSHIRE', 'CARE_PLANNING', 'CLOSED', 'jordan', 62, { outcome: 'PARTIALLY_RESOLVED' }),
  r('Ama Boateng', '1984-08-13', 'IMHA', 'CONDITIONAL_DISCHARGE', 'PROFESSIONAL', 'LEICESTER', 'DISCHARGE', 'CLOSED', 'sam', 88, { outcome: 'ISSUES_RESOLVED' }),
  r('Keith Morris', '1960-11-04', 'CARE_ACT', 'SUBSTANTIAL', 'PROFESSIONAL', 'RUTLAND', 'CARE_PLANNING', 'CLOSED', 'jordan', 55, { outcome: 'CLIENT_WITHDREW' }),
  r('Mia Robertson', '1997-01-28', 'CARERS', 'CARER', 'NEAREST_RELATIVE', 'LEICESTER', 'CARER_RIGHTS', 'CLOSED', 'sam', 50, { outcome: 'UNABLE_TO_CONTACT' }),
];

/** A date of birth; `16y` means sixteen years and a month before today, so young people stay under 18. */
function bornOn(row: DemoRow, today: string): string {
  const years = /^(\d+)y$/.exec(row.born);
  if (!years) return row.born;
  const sameDay = `${Number(today.slice(0, 4)) - Number(years[1])}${today.slice(4)}`.replace(
    /-02-29$/,
    '-02-28',
  );
  return addDays(sameDay, -30);
}

function factsFor(row: DemoRow, today: string): EligibilityFacts {
  const facts: EligibilityFacts = { dateOfBirth: bornOn(row, today), localAuthority: row.area };
  switch (row.fact) {
    case 'SUBSTANTIAL':
      return { ...facts, substantialDifficulty: true, appropriateIndividualAvailable: false };
    case 'HAS_SUPPORT':
      return { ...facts, substantialDifficulty: true, appropriateIndividualAvailable: true };
    case 'SAFEGUARDING':
      return {
        ...facts,
        substantialDifficulty: true,
        appropriateIndividualAvailable: true,
        safeguardingEnquiry: true,
      };
    case 'CARER':
      return { ...facts, isUnpaidCarer: true };
    case '-':
      return facts;
    default:
      return {
        ...facts,
        legalStatus: row.fact,
        ...(row.fact === 'INFORMAL' ? { consideredForS58: true } : {}),
      };
  }
}

const REFERRERS: Partial<
  Record<ReferralSource, { name: string; relationship: string; organisation?: string }>
> = {
  CARE_STAFF: {
    name: 'Chris Ward',
    relationship: 'Staff nurse',
    organisation: 'Bradgate Mental Health Unit',
  },
  NEAREST_RELATIVE: { name: 'Pat Simmons', relationship: 'Mother' },
  OTHER_CONCERNED: { name: 'Dana Price', relationship: 'Friend' },
  PROFESSIONAL: {
    name: 'Dr Leona Hart',
    relationship: 'Social worker',
    organisation: 'Leicestershire County Council',
  },
  WARD_VISIT: { name: 'Met on the ward', relationship: 'Advocate visit' },
};

const DECLINES: Record<string, { reason: string; keys: string[] }> = {
  'Gary Wilkins': {
    reason: 'Only a benefits (PIP) question: outside our contracts.',
    keys: ['CITIZENS_ADVICE'],
  },
  'Natalia Silva': {
    reason: 'Housing and debt only: outside our contracts.',
    keys: ['HOUSING_OPTIONS', 'CITIZENS_ADVICE'],
  },
  'Owen Hughes': { reason: 'Held under section 5(2) only: not a qualifying patient for IMHA.', keys: [] },
  'Brenda Lamb': { reason: 'Lives outside Leicester, Leicestershire and Rutland.', keys: ['GP'] },
  'Imran Qureshi': {
    reason: 'Has an appropriate individual to support them; the legal question is outside our contracts.',
    keys: ['LEGAL_ADVICE'],
  },
};

const STEPS: Record<ReferralStatus, ReferralAction[]> = {
  RECEIVED: [],
  AWAITING_ALLOCATION: ['TRIAGE_ACCEPT'],
  DECLINED: ['TRIAGE_DECLINE'],
  ALLOCATED: ['TRIAGE_ACCEPT', 'ALLOCATE'],
  ACTIVE: ['TRIAGE_ACCEPT', 'ALLOCATE', 'RECORD_FIRST_CONTACT'],
  CLOSED: ['TRIAGE_ACCEPT', 'ALLOCATE', 'RECORD_FIRST_CONTACT', 'CLOSE'],
};

/** Hours after receipt at which each step happened (capped to now for recent referrals). */
const STEP_HOURS: Record<ReferralAction, number> = {
  TRIAGE_ACCEPT: 20,
  TRIAGE_DECLINE: 22,
  ALLOCATE: 44,
  RECORD_FIRST_CONTACT: 90,
  CLOSE: 24 * 30,
};

export async function seedDemoReferrals(
  manager: EntityManager,
  audit: AuditService,
  users: { manager: string; sam: string; jordan: string },
  now = new Date(),
): Promise<number> {
  const system = (actorId: string) => ({ actorId, ip: null, requestId: null });
  const signposting = await manager.getRepository(SignpostingServiceEntity).find();
  const byKey = new Map(signposting.map((s) => [s.key, s]));
  const today = londonDate(now);
  const year = Number(today.slice(0, 4));

  for (const [index, row] of DEMO_REFERRALS.entries()) {
    const creator =
      row.source === 'WARD_VISIT' ? (row.advocate ? users[row.advocate] : users.sam) : users.manager;
    const receivedAt = new Date(
      now.getTime() - row.daysAgo * 86_400_000 - ((index * 37) % 300) * 60_000 - 3_600_000,
    );
    const [firstName, lastName] = row.name;
    const client = await manager.getRepository(ClientEntity).save(
      manager.getRepository(ClientEntity).create({
        firstName,
        lastName,
        firstNameKey: nameKey(firstName),
        lastNameKey: nameKey(lastName),
        searchName: `${nameKey(firstName)} ${nameKey(lastName)}`,
        dateOfBirth: bornOn(row, today),
        nhsNumber: null,
        phone: `07700 900${String(100 + index).slice(-3)}`,
        email: null,
        address: null,
        localAuthority: row.area,
        createdBy: creator,
      }),
    );
    await audit.record(manager, system(creator), {
      action: 'client.create',
      entityType: 'client',
      entityId: client.id,
      details: { source: 'demo-seed' },
    });

    let authorisationId: string | null = null;
    if (row.service === 'CARERS' && row.source !== 'SELF') {
      const authorisation = await manager.getRepository(AuthorisationEntity).save(
        manager.getRepository(AuthorisationEntity).create({
          carerClientId: client.id,
          authorisedName: REFERRERS[row.source]?.name ?? 'Third party',
          authorisedRelationship: REFERRERS[row.source]?.relationship ?? 'Other',
          scope: 'Contact the service and share information about the caring role',
          givenOn: addDays(londonDate(receivedAt), -3),
          method: index % 2 ? 'WRITTEN' : 'VERBAL',
          expiresOn: addDays(londonDate(receivedAt), 365),
          recordedBy: users.manager,
        }),
      );
      authorisationId = authorisation.id;
      await audit.record(manager, system(users.manager), {
        action: 'authorisation.create',
        entityType: 'authorisation',
        entityId: authorisation.id,
        details: { carerClientId: client.id, source: 'demo-seed' },
      });
    }

    const facts = factsFor(row, today);
    const eligibility = checkEligibility(row.service, facts, today);
    if (eligibility.missing.length || eligibility.invalid.length) {
      throw new Error(`demo referral ${index} lacks facts: ${eligibility.reasons.join('; ')}`);
    }
    const scope = classifyIssues(row.issues);
    const priority = row.priority ?? 'ROUTINE';
    const referral = await manager.getRepository(ReferralEntity).save(
      manager.getRepository(ReferralEntity).create({
        reference: await nextReference(manager, year),
        clientId: client.id,
        serviceType: row.service,
        source: row.source,
        referrer: row.source === 'SELF' ? null : (REFERRERS[row.source] ?? null),
        issues: row.issues,
        facts,
        eligible: eligibility.eligible,
        eligibilityReasons: eligibility.reasons,
        inScope: scope.inScope,
        outOfScope: scope.outOfScope,
        status: 'RECEIVED',
        priority,
        localAuthority: row.area,
        summary: null,
        imhaInformation:
          row.service === 'IMHA'
            ? {
                informed: true,
                informedOn: londonDate(receivedAt),
                informedBy: 'Ward staff',
                method: 'ORAL_AND_WRITTEN',
              }
            : null,
        authorisationId,
        receivedAt,
        dueDate: addDays(londonDate(receivedAt), FIRST_CONTACT_TARGET_DAYS[priority]),
        createdBy: creator,
      }),
    );
    const events: Partial<ReferralEventEntity>[] = [
      {
        action: 'RECEIVED',
        fromStatus: null,
        toStatus: 'RECEIVED',
        actorId: creator,
        at: receivedAt,
        reason: null,
      },
    ];
    await audit.record(manager, system(creator), {
      action: 'referral.create',
      entityType: 'referral',
      entityId: referral.id,
      details: { reference: referral.reference, clientId: client.id, source: 'demo-seed' },
    });

    let status: ReferralStatus = 'RECEIVED';
    const set: Partial<ReferralEntity> = {};
    for (const action of STEPS[row.status]) {
      const actorRoles: Role[] =
        action === 'RECORD_FIRST_CONTACT' || action === 'CLOSE' ? ['ADVOCATE'] : ['MANAGER'];
      const result = transition(status, action, {
        roles: actorRoles,
        eligible: eligibility.eligible,
        inScopeCount: scope.inScope.length,
        isAllocatedAdvocate: true,
      });
      if (!result.ok) throw new Error(`demo referral ${index}: ${result.message}`);
      const at = new Date(
        Math.min(receivedAt.getTime() + STEP_HOURS[action] * 3_600_000, now.getTime() - 60_000),
      );
      const advocateId = row.advocate ? users[row.advocate] : null;
      const actorId = actorRoles[0] === 'ADVOCATE' && advocateId ? advocateId : users.manager;
      let reason: string | null = null;
      let details: Record<string, unknown> | null = null;
      if (action === 'TRIAGE_DECLINE') {
        const decline = DECLINES[row.name.join(' ')];
        reason = decline?.reason ?? 'Not eligible for this service.';
        Object.assign(set, { declineReason: reason, closedAt: at });
        const signposts = (decline?.keys ?? []).map((key) => byKey.get(key)).filter((s) => s !== undefined);
        if (signposts.length) {
          await manager.getRepository(ReferralSignpostEntity).insert(
            signposts.map((s) => ({
              referralId: referral.id,
              serviceId: s.id,
              name: s.name,
              note: null,
              createdBy: users.manager,
              createdAt: at,
            })),
          );
        }
        details = { signposts: signposts.length };
      } else if (action === 'ALLOCATE') {
        Object.assign(set, { allocatedAdvocateId: advocateId, allocatedAt: at });
        details = { advocateId, previousAdvocateId: null };
      } else if (action === 'RECORD_FIRST_CONTACT') {
        Object.assign(set, { firstContactAt: at });
      } else if (action === 'CLOSE') {
        reason =
          row.outcome === 'ISSUES_RESOLVED' ? 'The person’s issues were resolved.' : 'Closed: see outcome.';
        Object.assign(set, {
          outcome: row.outcome ?? 'ISSUES_RESOLVED',
          closureReason: reason,
          closedAt: at,
        });
        details = { outcome: row.outcome };
      } else if (row.service === 'IMHA' && scope.outOfScope.length) {
        reason = 'Accepted for the in-scope issues; signposted for the rest.';
      }
      events.push({ action, fromStatus: status, toStatus: result.to, actorId, at, reason, details });
      await audit.record(manager, system(actorId), {
        action: `referral.${action.toLowerCase().replace(/_/g, '-')}`,
        entityType: 'referral',
        entityId: referral.id,
        details: { from: status, to: result.to, source: 'demo-seed' },
      });
      status = result.to;
    }
    if (status !== row.status) throw new Error(`demo referral ${index} ended ${status}, not ${row.status}`);
    if (Object.keys(set).length || status !== 'RECEIVED') {
      await manager
        .getRepository(ReferralEntity)
        .update(referral.id, { ...set, status, version: events.length });
    }
    const eventRepo = manager.getRepository(ReferralEventEntity);
    await eventRepo.save(events.map((e) => eventRepo.create({ ...e, referralId: referral.id })));
  }
  return DEMO_REFERRALS.length;
}

import { ISSUES, isIssue, type Issue } from './enums';

/**
 * What the service holds contracts for (DOMAIN.md, "Out of scope: decline and signpost").
 * A referral whose issues are all out of scope is declined and signposted; one that mixes
 * both goes on for the in-scope issues and records signposting for the rest.
 */

/** Issues the service holds no contract for. */
export const OUT_OF_SCOPE_ISSUES = [
  'BENEFITS',
  'HOUSING',
  'CHILD_PROTECTION',
  'DEBT',
  'LEGAL',
] as const satisfies readonly Issue[];
export type OutOfScopeIssue = (typeof OUT_OF_SCOPE_ISSUES)[number];
export type InScopeIssue = Exclude<Issue, OutOfScopeIssue>;

export function isOutOfScopeIssue(value: unknown): value is OutOfScopeIssue {
  return isIssue(value) && (OUT_OF_SCOPE_ISSUES as readonly Issue[]).includes(value);
}

export function isInScopeIssue(value: unknown): value is InScopeIssue {
  return isIssue(value) && !isOutOfScopeIssue(value);
}

/** Every issue the service can take on, in ISSUES order. */
export const IN_SCOPE_ISSUES: readonly InScopeIssue[] = ISSUES.filter(isInScopeIssue);

export interface IssueScope {
  inScope: InScopeIssue[];
  outOfScope: OutOfScopeIssue[];
}

/**
 * Splits a referral's issues into in and out of scope, each without duplicates and in the
 * order first given. Throws RangeError on a value that is not an issue (the API validates
 * its input first, and silently dropping an issue would change a triage decision).
 */
export function classifyIssues(issues: readonly Issue[]): IssueScope {
  const inScope: InScopeIssue[] = [];
  const outOfScope: OutOfScopeIssue[] = [];
  for (const issue of issues) {
    if (isOutOfScopeIssue(issue)) {
      if (!outOfScope.includes(issue)) outOfScope.push(issue);
    } else if (isInScopeIssue(issue)) {
      if (!inScope.includes(issue)) inScope.push(issue);
    } else {
      throw new RangeError(`unknown issue ${JSON.stringify(issue)}`);
    }
  }
  return { inScope, outOfScope };
}

/**
 * True when nothing is left for the service to do: no in-scope issue (including a referral
 * with no issues at all), so the referral can only be declined, with signposting.
 */
export function requiresDecline(scope: Pick<IssueScope, 'inScope'>): boolean {
  return scope.inScope.length === 0;
}

// ---------------------------------------------------------------------------------------
// Signposting directory

/** Keys of the seeded signposting directory (admins may add more entries later). */
export const SIGNPOSTING_KEYS = [
  'GP',
  'NHS_TALKING_THERAPIES',
  'BACP_DIRECTORY',
  'UKCP_DIRECTORY',
  'CARERS_CENTRE',
  'NHS_111_MENTAL_HEALTH',
  'SAMARITANS',
  'EMERGENCY_999_AE',
  'CITIZENS_ADVICE',
  'NATIONAL_DEBTLINE',
  'HOUSING_OPTIONS',
  'CHILDRENS_SERVICES',
  'LEGAL_ADVICE',
] as const;
export type SignpostingKey = (typeof SIGNPOSTING_KEYS)[number];

export function isSignpostingKey(value: unknown): value is SignpostingKey {
  return typeof value === 'string' && (SIGNPOSTING_KEYS as readonly string[]).includes(value);
}

/** Directory entries the SPA suggests for each out-of-scope issue, most relevant first. */
export const SIGNPOSTING_SUGGESTIONS: Record<OutOfScopeIssue, readonly SignpostingKey[]> = {
  BENEFITS: ['CITIZENS_ADVICE'],
  HOUSING: ['HOUSING_OPTIONS', 'CITIZENS_ADVICE'],
  CHILD_PROTECTION: ['CHILDRENS_SERVICES'],
  DEBT: ['CITIZENS_ADVICE', 'NATIONAL_DEBTLINE'],
  LEGAL: ['LEGAL_ADVICE'],
};

/** The suggestions for every out-of-scope issue of a referral, without duplicates, in issue order. */
export function signpostingSuggestionsFor(outOfScope: readonly OutOfScopeIssue[]): SignpostingKey[] {
  const keys: SignpostingKey[] = [];
  for (const issue of outOfScope) {
    for (const key of SIGNPOSTING_SUGGESTIONS[issue]) if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}

export interface SignpostingDirectoryEntry {
  key: SignpostingKey;
  name: string;
  description: string;
  /** How to reach it: a national number where one is well known, otherwise where to find it. */
  contact: string;
}

/**
 * The first entries of the signposting directory (reference data), for the reference
 * service's area: Leicester, Leicestershire and Rutland. Only well-known public services
 * and numbers; where a local number is not certain the contact names the website instead,
 * for an admin to complete. The Carers Centre number is the one the service's own public
 * page gives.
 */
export const SIGNPOSTING_DIRECTORY_SEED: readonly SignpostingDirectoryEntry[] = [
  {
    key: 'GP',
    name: 'GP practice',
    description:
      "The person's own GP: the way into NHS mental health care, medication and talking therapy, and referral to a psychiatrist.",
    contact: "The person's registered GP practice",
  },
  {
    key: 'NHS_TALKING_THERAPIES',
    name: 'NHS Talking Therapies',
    description: 'Free NHS talking therapy for anxiety and depression; adults can refer themselves.',
    contact: 'Self-referral through nhs.uk (search "NHS Talking Therapies") or via the GP',
  },
  {
    key: 'BACP_DIRECTORY',
    name: 'BACP therapist directory',
    description:
      'British Association for Counselling and Psychotherapy: find a private counsellor or psychotherapist locally.',
    contact: 'bacp.co.uk (Find a therapist)',
  },
  {
    key: 'UKCP_DIRECTORY',
    name: 'UKCP therapist directory',
    description: 'UK Council for Psychotherapy: find a registered private psychotherapist locally.',
    contact: 'psychotherapy.org.uk (Find a therapist)',
  },
  {
    key: 'CARERS_CENTRE',
    name: 'The Carers Centre',
    description: 'Support, information and groups for carers in Leicester, Leicestershire and Rutland.',
    contact: '0116 251 0999 (9am to 4pm, Monday to Friday)',
  },
  {
    key: 'NHS_111_MENTAL_HEALTH',
    name: 'NHS 111, mental health option',
    description: 'Urgent mental health help at any time, day or night: call 111 and choose option 2.',
    contact: '111, option 2',
  },
  {
    key: 'SAMARITANS',
    name: 'Samaritans',
    description: 'Someone to talk to, any time, day or night, free of charge.',
    contact: '116 123',
  },
  {
    key: 'EMERGENCY_999_AE',
    name: 'Emergency services and A&E',
    description:
      "In an emergency, when someone's life is at risk: call 999 or go to the nearest Accident and Emergency department.",
    contact: '999',
  },
  {
    key: 'CITIZENS_ADVICE',
    name: 'Citizens Advice',
    description:
      'Free, independent advice on benefits (including PIP), debt, housing and other everyday problems.',
    contact: 'citizensadvice.org.uk',
  },
  {
    key: 'NATIONAL_DEBTLINE',
    name: 'National Debtline',
    description: 'Free, confidential debt advice.',
    contact: 'nationaldebtline.org',
  },
  {
    key: 'HOUSING_OPTIONS',
    name: 'Council housing options service',
    description:
      "Housing advice and homelessness help from the council: Leicester City Council, Rutland County Council, or in Leicestershire the district or borough council for the person's address.",
    contact: 'The council\'s website (search "housing options")',
  },
  {
    key: 'CHILDRENS_SERVICES',
    name: "Children's social care",
    description:
      "Concerns about a child's safety or welfare: Leicester City Council, Leicestershire County Council or Rutland County Council children's services. If a child is in immediate danger, call 999.",
    contact: 'The council\'s website (search "report a concern about a child")',
  },
  {
    key: 'LEGAL_ADVICE',
    name: 'Legal advice',
    description:
      'Civil Legal Advice for free legal aid advice if eligible, or a solicitor (including mental health law specialists) through the Law Society.',
    contact: 'gov.uk/civil-legal-advice; Law Society "Find a Solicitor" (solicitors.lawsociety.org.uk)',
  },
];

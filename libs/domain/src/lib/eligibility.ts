import { ageOn, isIsoDate } from './dates';
import {
  LOCAL_AUTHORITY_LABELS,
  isLegalStatus,
  isLocalAuthority,
  isServiceType,
  type LegalStatus,
  type LocalAuthority,
  type ServiceType,
} from './enums';

/**
 * Eligibility for each service, computed from recorded facts (DOMAIN.md, Services), with
 * the reasons a manager reads on screen. One function serves `POST /api/eligibility/check`,
 * referral intake and the SPA, so the three can never disagree.
 *
 * Which facts each service needs:
 * - IMHA: `legalStatus` always (it is recorded on every IMHA referral, even when s57 would
 *   qualify the person anyway, because the s130D duty to inform and the reports depend on
 *   it); `dateOfBirth` whenever `consideredForS58` is true (s58 qualifies only under-18s).
 *   No residency: IMHA follows the patient into the area's hospitals wherever they live.
 * - CARE_ACT: `localAuthority`, `substantialDifficulty`, and `appropriateIndividualAvailable`
 *   unless `safeguardingEnquiry` is true.
 * - CARERS: `localAuthority`, `isUnpaidCarer`.
 * - COMMUNITY: `localAuthority`.
 * The flags `consideredForS57`, `consideredForS58` and `safeguardingEnquiry` are never
 * "missing": absent means false (they record an exceptional circumstance, not a question
 * asked of everyone). `null` counts as absent.
 */

export const ELIGIBILITY_FACT_NAMES = [
  'legalStatus',
  'consideredForS57',
  'consideredForS58',
  'dateOfBirth',
  'localAuthority',
  'substantialDifficulty',
  'appropriateIndividualAvailable',
  'safeguardingEnquiry',
  'isUnpaidCarer',
] as const;
export type EligibilityFactName = (typeof ELIGIBILITY_FACT_NAMES)[number];

/** The facts of API.md; each optional unless the service's rule needs it. */
export interface EligibilityFacts {
  legalStatus?: LegalStatus;
  consideredForS57?: boolean;
  consideredForS58?: boolean;
  /** YYYY-MM-DD. */
  dateOfBirth?: string;
  localAuthority?: LocalAuthority;
  substantialDifficulty?: boolean;
  appropriateIndividualAvailable?: boolean;
  safeguardingEnquiry?: boolean;
  isUnpaidCarer?: boolean;
}

/** Field labels for messages and forms. */
export const ELIGIBILITY_FACT_LABELS: Record<EligibilityFactName, string> = {
  legalStatus: 'Legal status under the Mental Health Act',
  consideredForS57: 'Being considered for section 57 treatment',
  consideredForS58: 'Being considered for section 58 treatment',
  dateOfBirth: 'Date of birth',
  localAuthority: 'Local authority of residence',
  substantialDifficulty: 'Substantial difficulty being involved',
  appropriateIndividualAvailable: 'Appropriate individual available to support them',
  safeguardingEnquiry: 'Subject of a safeguarding enquiry',
  isUnpaidCarer: 'Unpaid carer',
};

export interface FieldProblem {
  field: string;
  message: string;
}

export interface EligibilityResult {
  /** False whenever `missing` or `invalid` is not empty. */
  eligible: boolean;
  /** Short plain-English sentences: why (not) eligible, or what stops a decision. */
  reasons: string[];
  /** Facts the rule needs that were not given, in ELIGIBILITY_FACT_NAMES order (the API answers 400). */
  missing: EligibilityFactName[];
  /** Facts given with a value the rule cannot use (the API answers 400). */
  invalid: FieldProblem[];
}

/** The local authorities the service covers (services 2–4 are for their residents only). */
export const SERVICE_AREA = [
  'LEICESTER',
  'LEICESTERSHIRE',
  'RUTLAND',
] as const satisfies readonly LocalAuthority[];

export function isInServiceArea(localAuthority: LocalAuthority): boolean {
  return (SERVICE_AREA as readonly LocalAuthority[]).includes(localAuthority);
}

/** Short holding powers and places of safety: never a qualifying patient by status alone (MHA s130C). */
export const IMHA_EXCLUDED_STATUSES = [
  'S4',
  'S5_2',
  'S5_4',
  'S135',
  'S136',
] as const satisfies readonly LegalStatus[];

/** Statuses that make someone a qualifying patient for IMHA by themselves. */
export const IMHA_QUALIFYING_STATUSES = [
  'S2',
  'S3',
  'S35',
  'S36',
  'S37',
  'S37_41',
  'S38',
  'S45A',
  'S47',
  'S47_49',
  'S48',
  'S48_49',
  'CTO',
  'GUARDIANSHIP',
  'CONDITIONAL_DISCHARGE',
] as const satisfies readonly LegalStatus[];

export function isImhaQualifyingStatus(status: LegalStatus): boolean {
  return (IMHA_QUALIFYING_STATUSES as readonly LegalStatus[]).includes(status);
}

/** The sentence each legal status contributes to an IMHA decision. */
export const IMHA_STATUS_REASONS: Record<LegalStatus, string> = {
  INFORMAL:
    'An informal (voluntary) patient: qualifies only if being considered for treatment under section 57, or under section 58 while under 18',
  S2: 'Detained under section 2 of the Mental Health Act: a qualifying patient',
  S3: 'Detained under section 3 of the Mental Health Act: a qualifying patient',
  S4: 'Detained under section 4, a short emergency power: this does not make them a qualifying patient',
  S5_2: 'Held under section 5(2), a short holding power: this does not make them a qualifying patient',
  S5_4: 'Held under section 5(4), a short holding power: this does not make them a qualifying patient',
  S35: 'Detained under section 35 of the Mental Health Act: a qualifying patient',
  S36: 'Detained under section 36 of the Mental Health Act: a qualifying patient',
  S37: 'Detained under section 37 of the Mental Health Act: a qualifying patient',
  S37_41: 'Detained under sections 37 and 41 of the Mental Health Act: a qualifying patient',
  S38: 'Detained under section 38 of the Mental Health Act: a qualifying patient',
  S45A: 'Detained under section 45A of the Mental Health Act: a qualifying patient',
  S47: 'Detained under section 47 of the Mental Health Act: a qualifying patient',
  S47_49: 'Detained under sections 47 and 49 of the Mental Health Act: a qualifying patient',
  S48: 'Detained under section 48 of the Mental Health Act: a qualifying patient',
  S48_49: 'Detained under sections 48 and 49 of the Mental Health Act: a qualifying patient',
  S135: 'In a place of safety under section 135: this does not make them a qualifying patient',
  S136: 'In a place of safety under section 136: this does not make them a qualifying patient',
  CTO: 'On a Community Treatment Order: a qualifying patient',
  GUARDIANSHIP: 'Under guardianship under the Mental Health Act: a qualifying patient',
  CONDITIONAL_DISCHARGE: 'A conditionally discharged restricted patient: a qualifying patient',
};

export const IMHA_S57_REASON =
  'Being considered for treatment under section 57: a qualifying patient at any age';
export const IMHA_COMMUNITY_HINT = 'Community mental health advocacy may be able to help instead';
export const OUTSIDE_AREA_REASON = 'Lives outside Leicester, Leicestershire and Rutland';

const SERVICE_NAMES: Record<ServiceType, string> = {
  IMHA: 'IMHA',
  CARERS: 'carers advocacy',
  CARE_ACT: 'Care Act advocacy',
  COMMUNITY: 'community mental health advocacy',
};

/** The facts after validation: anything invalid is reported and then treated as not given. */
type CleanFacts = { -readonly [K in keyof EligibilityFacts]?: EligibilityFacts[K] };

const BOOLEAN_FACTS = [
  'consideredForS57',
  'consideredForS58',
  'substantialDifficulty',
  'appropriateIndividualAvailable',
  'safeguardingEnquiry',
  'isUnpaidCarer',
] as const satisfies readonly EligibilityFactName[];

function validate(
  facts: Readonly<EligibilityFacts>,
  today: string,
): { clean: CleanFacts; invalid: FieldProblem[] } {
  const clean: CleanFacts = {};
  const invalid: FieldProblem[] = [];
  const raw = facts as Record<string, unknown>;
  const given = (name: EligibilityFactName) => raw[name] !== undefined && raw[name] !== null;

  if (given('legalStatus')) {
    if (isLegalStatus(raw['legalStatus'])) clean.legalStatus = raw['legalStatus'];
    else invalid.push({ field: 'legalStatus', message: 'must be a known legal status' });
  }
  for (const name of BOOLEAN_FACTS) {
    if (!given(name)) continue;
    const value = raw[name];
    if (typeof value === 'boolean') clean[name] = value;
    else invalid.push({ field: name, message: 'must be true or false' });
  }
  if (given('dateOfBirth')) {
    const value = raw['dateOfBirth'];
    if (!isIsoDate(value))
      invalid.push({ field: 'dateOfBirth', message: 'must be a real date as YYYY-MM-DD' });
    else if (value > today) invalid.push({ field: 'dateOfBirth', message: 'must not be after today' });
    else clean.dateOfBirth = value;
  }
  if (given('localAuthority')) {
    if (isLocalAuthority(raw['localAuthority'])) clean.localAuthority = raw['localAuthority'];
    else invalid.push({ field: 'localAuthority', message: 'must be a known local authority' });
  }
  // Report problems in field order, whatever order they were found in.
  invalid.sort(
    (a, b) =>
      ELIGIBILITY_FACT_NAMES.indexOf(a.field as EligibilityFactName) -
      ELIGIBILITY_FACT_NAMES.indexOf(b.field as EligibilityFactName),
  );
  return { clean, invalid };
}

/** What one rule produced before the common wrapping. */
interface RuleOutcome {
  eligible: boolean;
  reasons: string[];
  needs: EligibilityFactName[];
}

function residencyReason(localAuthority: LocalAuthority): string {
  return isInServiceArea(localAuthority)
    ? `Lives in ${LOCAL_AUTHORITY_LABELS[localAuthority]}, in the service area`
    : OUTSIDE_AREA_REASON;
}

function imhaRule(facts: CleanFacts, today: string): RuleOutcome {
  const needs: EligibilityFactName[] = ['legalStatus'];
  const reasons: string[] = [];
  let eligible = false;

  if (facts.legalStatus) {
    reasons.push(IMHA_STATUS_REASONS[facts.legalStatus]);
    if (isImhaQualifyingStatus(facts.legalStatus)) eligible = true;
  }
  // Section 57 and (under 18) section 58 are grounds of their own, whatever the legal status.
  if (facts.consideredForS57) {
    reasons.push(IMHA_S57_REASON);
    eligible = true;
  }
  if (facts.consideredForS58) {
    needs.push('dateOfBirth');
    if (facts.dateOfBirth) {
      const age = ageOn(facts.dateOfBirth, today);
      if (age < 18) {
        reasons.push(
          `Being considered for treatment under section 58 and under 18 (aged ${age}): a qualifying patient`,
        );
        eligible = true;
      } else {
        reasons.push(
          `Being considered for treatment under section 58 but aged ${age}: section 58 qualifies only patients under 18`,
        );
      }
    }
  }
  if (!eligible) reasons.push(IMHA_COMMUNITY_HINT);
  return { eligible, reasons, needs };
}

function careActRule(facts: CleanFacts): RuleOutcome {
  const needs: EligibilityFactName[] = ['localAuthority', 'substantialDifficulty'];
  if (facts.safeguardingEnquiry !== true) needs.push('appropriateIndividualAvailable');
  const reasons: string[] = [];

  if (facts.localAuthority) reasons.push(residencyReason(facts.localAuthority));
  if (facts.substantialDifficulty === true) reasons.push('Would have substantial difficulty being involved');
  if (facts.substantialDifficulty === false)
    reasons.push('Would not have substantial difficulty being involved');
  if (facts.appropriateIndividualAvailable === false)
    reasons.push('Has no appropriate individual to support them');
  if (facts.appropriateIndividualAvailable === true)
    reasons.push('Has an appropriate individual to support them');
  if (facts.safeguardingEnquiry === true) {
    reasons.push(
      'Subject of a safeguarding enquiry: entitled even if someone appropriate could support them',
    );
  }

  const eligible =
    facts.localAuthority !== undefined &&
    isInServiceArea(facts.localAuthority) &&
    facts.substantialDifficulty === true &&
    (facts.appropriateIndividualAvailable === false || facts.safeguardingEnquiry === true);
  return { eligible, reasons, needs };
}

function carersRule(facts: CleanFacts): RuleOutcome {
  const reasons: string[] = [];
  if (facts.localAuthority) reasons.push(residencyReason(facts.localAuthority));
  if (facts.isUnpaidCarer === true) reasons.push('An unpaid carer of someone with a mental health need');
  if (facts.isUnpaidCarer === false)
    reasons.push('Not an unpaid carer (care given as part of a job does not count)');
  const eligible =
    facts.localAuthority !== undefined &&
    isInServiceArea(facts.localAuthority) &&
    facts.isUnpaidCarer === true;
  return { eligible, reasons, needs: ['localAuthority', 'isUnpaidCarer'] };
}

function communityRule(facts: CleanFacts): RuleOutcome {
  const reasons = facts.localAuthority ? [residencyReason(facts.localAuthority)] : [];
  const eligible = facts.localAuthority !== undefined && isInServiceArea(facts.localAuthority);
  return { eligible, reasons, needs: ['localAuthority'] };
}

/**
 * Whether someone is eligible for `serviceType` on `today` (YYYY-MM-DD, the Europe/London
 * date: see londonDate). When a needed fact is missing or a given fact is invalid the
 * result is not eligible and `reasons` say only what stops the decision, so the screen
 * never shows a half-made decision. Throws RangeError for an unknown service type or a
 * malformed `today` (both programming errors: the API validates its input first).
 */
export function checkEligibility(
  serviceType: ServiceType,
  facts: Readonly<EligibilityFacts>,
  today: string,
): EligibilityResult {
  if (!isServiceType(serviceType))
    throw new RangeError(`unknown service type ${JSON.stringify(serviceType)}`);
  if (!isIsoDate(today))
    throw new RangeError(`today must be a date as YYYY-MM-DD, got ${JSON.stringify(today)}`);

  const { clean, invalid } = validate(facts ?? {}, today);
  const outcome =
    serviceType === 'IMHA'
      ? imhaRule(clean, today)
      : serviceType === 'CARE_ACT'
        ? careActRule(clean)
        : serviceType === 'CARERS'
          ? carersRule(clean)
          : communityRule(clean);

  const invalidFields = new Set(invalid.map((problem) => problem.field));
  const missing = ELIGIBILITY_FACT_NAMES.filter(
    (name) => outcome.needs.includes(name) && clean[name] === undefined && !invalidFields.has(name),
  );

  if (missing.length > 0 || invalid.length > 0) {
    const service = SERVICE_NAMES[serviceType];
    const reasons = [
      ...invalid.map((problem) => {
        const label = ELIGIBILITY_FACT_LABELS[problem.field as EligibilityFactName] ?? problem.field;
        return `${label} ${problem.message}`;
      }),
      ...missing.map((name) => `${ELIGIBILITY_FACT_LABELS[name]} is needed to decide ${service} eligibility`),
    ];
    return { eligible: false, reasons, missing, invalid };
  }
  return { eligible: outcome.eligible, reasons: outcome.reasons, missing: [], invalid: [] };
}

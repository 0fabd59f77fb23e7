import type { FieldError, Schemas } from '@beacon/api-client';
import {
  ELIGIBILITY_FACT_LABELS,
  checkEligibility,
  classifyIssues,
  needsThirdPartyAuthorisation,
  signpostingSuggestionsFor,
  type EligibilityFactName,
  type EligibilityFacts,
  type EligibilityResult,
  type Issue,
  type IssueScope,
  type LegalStatus,
  type LocalAuthority,
  type Priority,
  type ReferralSource,
  type ServiceType,
  type SignpostingKey,
} from '@beacon/domain';
import { londonDateTimeInput, londonDateTimeToIso } from '../../../lib/format';
import type { FieldMeta } from '../../../lib/problems';

/**
 * The intake form as typed, and the pure rules around it: which facts a service asks for, what the
 * live preview decides, what the form sends, and what it checks before sending. The API decides
 * again on submit with the same domain functions; these only spare a round trip.
 */

export type CreateReferralBody = Schemas['CreateReferralInput'];

/** A person already on record (found by search, or created here for a carer's authorisation). */
export interface ClientRef {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string | null;
  localAuthority: LocalAuthority;
}

/** A required yes/no question nobody has answered yet is '' (never a silent "no"). */
export type YesNo = '' | 'yes' | 'no';
export type ImhaMethod = 'ORAL' | 'WRITTEN' | 'ORAL_AND_WRITTEN';

export const IMHA_METHOD_LABELS: Record<ImhaMethod, string> = {
  ORAL: 'Told in person (orally)',
  WRITTEN: 'In writing',
  ORAL_AND_WRITTEN: 'Orally and in writing',
};

export interface IntakeDraft {
  serviceType: ServiceType | '';
  personMode: 'existing' | 'new';
  client: ClientRef | null;
  person: {
    firstName: string;
    lastName: string;
    dateOfBirth: string;
    nhsNumber: string;
    phone: string;
    email: string;
    address: string;
    /** Equality monitoring (optional; '' is not asked). Absent in drafts saved before it existed. */
    ageBand?: string;
    gender?: string;
    ethnicity?: string;
    disability?: string;
  };
  source: ReferralSource | '';
  referrer: { name: string; relationship: string; organisation: string; phone: string; email: string };
  issues: Issue[];
  facts: {
    legalStatus: LegalStatus | '';
    consideredForS57: boolean;
    consideredForS58: boolean;
    /** Asked only when the person on record has no date of birth. */
    dateOfBirth: string;
    localAuthority: LocalAuthority | '';
    substantialDifficulty: YesNo;
    appropriateIndividualAvailable: YesNo;
    safeguardingEnquiry: boolean;
    isUnpaidCarer: YesNo;
  };
  imha: { informed: YesNo; informedOn: string; informedBy: string; method: ImhaMethod | '' };
  authorisationId: string;
  summary: string;
  priority: Priority;
  /** When the referral came in, as a London wall-clock "YYYY-MM-DDTHH:mm"; '' leaves it to the API (now). */
  receivedAt: string;
  /** The ward visit a WARD_VISIT referral was picked up on, when it came from a visit's log. */
  visitId: string;
}

export const EMPTY_INTAKE: IntakeDraft = {
  serviceType: '',
  personMode: 'existing',
  client: null,
  person: {
    firstName: '',
    lastName: '',
    dateOfBirth: '',
    nhsNumber: '',
    phone: '',
    email: '',
    address: '',
    ageBand: '',
    gender: '',
    ethnicity: '',
    disability: '',
  },
  source: '',
  referrer: { name: '', relationship: '', organisation: '', phone: '', email: '' },
  issues: [],
  facts: {
    legalStatus: '',
    consideredForS57: false,
    consideredForS58: false,
    dateOfBirth: '',
    localAuthority: '',
    substantialDifficulty: '',
    appropriateIndividualAvailable: '',
    safeguardingEnquiry: false,
    isUnpaidCarer: '',
  },
  imha: { informed: '', informedOn: '', informedBy: '', method: '' },
  authorisationId: '',
  summary: '',
  priority: 'ROUTINE',
  receivedAt: '',
  visitId: '',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The draft a new referral starts from: received now, unless changed. A link from a logged ward
 * visit (`?source=WARD_VISIT&visitId=…`) starts it as a referral picked up on that visit.
 */
export function initialIntake(params: URLSearchParams, now: Date = new Date()): IntakeDraft {
  const visitId = params.get('visitId') ?? '';
  const fromVisit = params.get('source') === 'WARD_VISIT';
  return {
    ...EMPTY_INTAKE,
    receivedAt: londonDateTimeInput(now),
    ...(fromVisit ? { source: 'WARD_VISIT' as const } : {}),
    ...(fromVisit && UUID.test(visitId) ? { visitId } : {}),
  };
}

/** Sources with a referrer to name: not the person themselves, nor an advocate meeting them on a ward. */
export function asksForReferrer(source: ReferralSource | ''): boolean {
  return source !== '' && source !== 'SELF' && source !== 'WARD_VISIT';
}

/**
 * The facts each service's form asks for, in the order it asks them. The area is asked for every
 * service (it is recorded on every referral); the date of birth is the person's own.
 */
export const SERVICE_FACTS: Record<ServiceType, readonly EligibilityFactName[]> = {
  IMHA: ['legalStatus', 'consideredForS57', 'consideredForS58', 'dateOfBirth', 'localAuthority'],
  CARE_ACT: [
    'localAuthority',
    'substantialDifficulty',
    'appropriateIndividualAvailable',
    'safeguardingEnquiry',
  ],
  CARERS: ['localAuthority', 'isUnpaidCarer'],
  COMMUNITY: ['localAuthority'],
};

export function asksFor(serviceType: ServiceType | '', fact: EligibilityFactName): boolean {
  return serviceType !== '' && SERVICE_FACTS[serviceType].includes(fact);
}

/**
 * Where the person's date of birth comes from: typed with a new person's details, already on the
 * person's record, or (someone on record without one) typed among the facts.
 */
export function dateOfBirthSource(draft: IntakeDraft): 'person' | 'record' | 'facts' {
  if (draft.personMode === 'new') return 'person';
  return draft.client?.dateOfBirth ? 'record' : 'facts';
}

export function effectiveDateOfBirth(draft: IntakeDraft): string | undefined {
  const source = dateOfBirthSource(draft);
  if (source === 'person') return draft.person.dateOfBirth || undefined;
  if (source === 'record') return draft.client?.dateOfBirth ?? undefined;
  return draft.facts.dateOfBirth || undefined;
}

function yesNo(value: YesNo): boolean | undefined {
  return value === '' ? undefined : value === 'yes';
}

/** The facts the chosen service asks for, as the eligibility rule takes them; nothing the form hides. */
export function eligibilityFacts(draft: IntakeDraft): EligibilityFacts {
  const { serviceType, facts } = draft;
  const asked = (fact: EligibilityFactName) => asksFor(serviceType, fact);
  const out: EligibilityFacts = {};
  if (asked('legalStatus') && facts.legalStatus) out.legalStatus = facts.legalStatus;
  if (asked('consideredForS57') && facts.consideredForS57) out.consideredForS57 = true;
  if (asked('consideredForS58') && facts.consideredForS58) out.consideredForS58 = true;
  const dateOfBirth = effectiveDateOfBirth(draft);
  if (asked('dateOfBirth') && dateOfBirth) out.dateOfBirth = dateOfBirth;
  if (asked('localAuthority') && facts.localAuthority) out.localAuthority = facts.localAuthority;
  const substantial = yesNo(facts.substantialDifficulty);
  if (asked('substantialDifficulty') && substantial !== undefined) out.substantialDifficulty = substantial;
  const appropriate = yesNo(facts.appropriateIndividualAvailable);
  if (asked('appropriateIndividualAvailable') && appropriate !== undefined)
    out.appropriateIndividualAvailable = appropriate;
  if (asked('safeguardingEnquiry') && facts.safeguardingEnquiry) out.safeguardingEnquiry = true;
  const carer = yesNo(facts.isUnpaidCarer);
  if (asked('isUnpaidCarer') && carer !== undefined) out.isUnpaidCarer = carer;
  return out;
}

/** The live eligibility preview: the domain rule on what has been typed so far (null until a service is chosen). */
export function previewEligibility(draft: IntakeDraft, today: string): EligibilityResult | null {
  if (!draft.serviceType) return null;
  return checkEligibility(draft.serviceType, eligibilityFacts(draft), today);
}

export interface ScopePreview extends IssueScope {
  /** Directory entries to suggest for the out-of-scope issues. */
  suggestions: SignpostingKey[];
}

export function previewScope(issues: readonly Issue[]): ScopePreview {
  const scope = classifyIssues(issues);
  return { ...scope, suggestions: signpostingSuggestionsFor(scope.outOfScope) };
}

/** A third-party carers referral: the carer's authorisation for the referrer must be chosen. */
export function needsAuthorisation(draft: IntakeDraft): boolean {
  return (
    draft.serviceType !== '' &&
    draft.source !== '' &&
    needsThirdPartyAuthorisation(draft.serviceType, draft.source)
  );
}

function optional(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Only the fields given: blank optional fields are left out rather than sent empty. */
function compact<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

/** A new person's details as POST /api/clients (and a referral's `client`) take them. */
export function clientInput(draft: IntakeDraft): Schemas['ClientInput'] {
  const { person } = draft;
  return compact({
    firstName: person.firstName.trim(),
    lastName: person.lastName.trim(),
    dateOfBirth: optional(person.dateOfBirth),
    nhsNumber: optional(person.nhsNumber),
    phone: optional(person.phone),
    email: optional(person.email),
    address: optional(person.address),
    localAuthority: draft.facts.localAuthority as LocalAuthority,
    ageBand: optional(person.ageBand ?? '') as Schemas['ClientInput']['ageBand'],
    gender: optional(person.gender ?? '') as Schemas['ClientInput']['gender'],
    ethnicity: optional(person.ethnicity ?? '') as Schemas['ClientInput']['ethnicity'],
    disability: optional(person.disability ?? '') as Schemas['ClientInput']['disability'],
  });
}

/** The body of POST /api/referrals for a draft that passed validateIntake. */
export function toCreateReferralBody(draft: IntakeDraft): CreateReferralBody {
  const facts = eligibilityFacts(draft);
  // A date of birth on the person's record or among a new person's details reaches the rule from there.
  if (dateOfBirthSource(draft) !== 'facts') delete facts.dateOfBirth;
  const body: CreateReferralBody = {
    serviceType: draft.serviceType as ServiceType,
    facts,
    source: draft.source as ReferralSource,
    issues: [...draft.issues],
    priority: draft.priority,
  };
  if (draft.personMode === 'existing' && draft.client) body.clientId = draft.client.id;
  else body.client = clientInput(draft);
  if (asksForReferrer(draft.source)) {
    body.referrer = compact({
      name: draft.referrer.name.trim(),
      relationship: optional(draft.referrer.relationship),
      organisation: optional(draft.referrer.organisation),
      phone: optional(draft.referrer.phone),
      email: optional(draft.referrer.email),
    });
  }
  if (needsAuthorisation(draft) && draft.authorisationId) body.authorisationId = draft.authorisationId;
  const summary = optional(draft.summary);
  if (summary) body.summary = summary;
  const receivedAt = londonDateTimeToIso(draft.receivedAt);
  if (receivedAt) body.receivedAt = receivedAt;
  if (draft.source === 'WARD_VISIT' && draft.visitId) body.visitId = draft.visitId;
  if (draft.serviceType === 'IMHA' && draft.imha.informed !== '') {
    body.imhaInformation =
      draft.imha.informed === 'no'
        ? { informed: false }
        : compact({
            informed: true,
            informedOn: optional(draft.imha.informedOn),
            informedBy: optional(draft.imha.informedBy),
            method: draft.imha.method || undefined,
          });
  }
  return body;
}

/**
 * What stops a draft before it is sent, named like the API's field errors so both show the same
 * way. Messages complete the field's label ("First name is required").
 */
export function validateIntake(draft: IntakeDraft, today: string, now: Date = new Date()): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, message });
  if (!draft.serviceType) add('serviceType', 'is required: choose a service');
  if (draft.personMode === 'existing' && !draft.client) {
    add('clientId', 'is required: find the person, or enter a new person');
  }
  if (draft.personMode === 'new') {
    if (!draft.person.firstName.trim()) add('client.firstName', 'is required');
    if (!draft.person.lastName.trim()) add('client.lastName', 'is required');
  }
  if (!draft.facts.localAuthority) add('facts.localAuthority', 'is required');
  const preview = previewEligibility(draft, today);
  for (const fact of preview?.missing ?? []) {
    if (fact !== 'localAuthority') add(`facts.${fact}`, 'is needed to decide eligibility');
  }
  for (const problem of preview?.invalid ?? []) add(`facts.${problem.field}`, problem.message);
  if (!draft.source) add('source', 'is required: say who made the referral');
  else if (asksForReferrer(draft.source) && !draft.referrer.name.trim()) add('referrer.name', 'is required');
  if (draft.issues.length === 0) add('issues', 'need at least one choice');
  if (needsAuthorisation(draft) && !draft.authorisationId) {
    add('authorisationId', 'is required: choose the carer’s authorisation for the referrer, or record one');
  }
  if (draft.serviceType === 'IMHA' && draft.imha.informed === 'yes' && draft.imha.informedOn > today) {
    add('imhaInformation.informedOn', 'must not be in the future');
  }
  if (draft.receivedAt) {
    const receivedAt = londonDateTimeToIso(draft.receivedAt);
    if (!receivedAt) add('receivedAt', 'needs a date and a time');
    else if (Date.parse(receivedAt) > now.getTime()) add('receivedAt', 'must not be in the future');
  }
  return errors;
}

/** Field ids of the form (also the targets of the error summary's links). */
export const INTAKE_IDS = {
  serviceType: 'intake-service-IMHA',
  clientSearch: 'intake-client-search',
  firstName: 'intake-first-name',
  lastName: 'intake-last-name',
  personDob: 'intake-dob',
  nhsNumber: 'intake-nhs-number',
  phone: 'intake-phone',
  email: 'intake-email',
  address: 'intake-address',
  area: 'intake-area',
  legalStatus: 'intake-legal-status',
  s57: 'intake-s57',
  s58: 'intake-s58',
  factsDob: 'intake-facts-dob',
  substantialDifficulty: 'intake-substantial-difficulty-yes',
  appropriateIndividual: 'intake-appropriate-individual-yes',
  safeguarding: 'intake-safeguarding',
  unpaidCarer: 'intake-unpaid-carer-yes',
  source: 'intake-source',
  referrerName: 'intake-referrer-name',
  referrerRelationship: 'intake-referrer-relationship',
  referrerOrganisation: 'intake-referrer-organisation',
  referrerPhone: 'intake-referrer-phone',
  referrerEmail: 'intake-referrer-email',
  issues: 'intake-issues-TREATMENT',
  imhaInformed: 'intake-imha-informed-yes',
  imhaInformedOn: 'intake-imha-informed-on',
  imhaInformedBy: 'intake-imha-informed-by',
  imhaMethod: 'intake-imha-method',
  authorisation: 'intake-authorisation',
  summary: 'intake-summary',
  priority: 'intake-priority-ROUTINE',
  receivedAt: 'intake-received-at',
} as const;

/** The id of the control where each fact is entered, given where the date of birth lives. */
export function factFieldId(fact: EligibilityFactName, draft: IntakeDraft): string {
  const ids: Record<EligibilityFactName, string> = {
    legalStatus: INTAKE_IDS.legalStatus,
    consideredForS57: INTAKE_IDS.s57,
    consideredForS58: INTAKE_IDS.s58,
    dateOfBirth: dateOfBirthSource(draft) === 'facts' ? INTAKE_IDS.factsDob : INTAKE_IDS.personDob,
    localAuthority: INTAKE_IDS.area,
    substantialDifficulty: INTAKE_IDS.substantialDifficulty,
    appropriateIndividualAvailable: INTAKE_IDS.appropriateIndividual,
    safeguardingEnquiry: INTAKE_IDS.safeguarding,
    isUnpaidCarer: INTAKE_IDS.unpaidCarer,
  };
  return ids[fact];
}

/**
 * Every field path the API (or validateIntake) may name, mapped to its control and label. A path
 * not listed falls back to its parent (`referrer` for `referrer.foo`), see formProblems.
 */
export function intakeFields(draft: IntakeDraft): Record<string, FieldMeta> {
  const fact = (name: EligibilityFactName, label = ELIGIBILITY_FACT_LABELS[name]) => ({
    id: factFieldId(name, draft),
    label,
  });
  return {
    serviceType: { id: INTAKE_IDS.serviceType, label: 'Service' },
    client: { id: INTAKE_IDS.clientSearch, label: 'The person' },
    clientId: { id: INTAKE_IDS.clientSearch, label: 'The person' },
    'client.firstName': { id: INTAKE_IDS.firstName, label: 'First name' },
    'client.lastName': { id: INTAKE_IDS.lastName, label: 'Last name' },
    'client.dateOfBirth': { id: INTAKE_IDS.personDob, label: 'Date of birth' },
    'client.nhsNumber': { id: INTAKE_IDS.nhsNumber, label: 'NHS number' },
    'client.phone': { id: INTAKE_IDS.phone, label: 'Phone' },
    'client.email': { id: INTAKE_IDS.email, label: 'Email' },
    'client.address': { id: INTAKE_IDS.address, label: 'Address' },
    'client.ageBand': { id: 'intake-ageBand', label: 'Age band' },
    'client.gender': { id: 'intake-gender', label: 'Gender' },
    'client.ethnicity': { id: 'intake-ethnicity', label: 'Ethnic group' },
    'client.disability': { id: 'intake-disability', label: 'Disability' },
    'client.localAuthority': { id: INTAKE_IDS.area, label: 'Area' },
    facts: { id: INTAKE_IDS.area, label: 'Eligibility facts' },
    'facts.legalStatus': fact('legalStatus'),
    'facts.consideredForS57': fact('consideredForS57'),
    'facts.consideredForS58': fact('consideredForS58'),
    'facts.dateOfBirth': fact('dateOfBirth'),
    'facts.localAuthority': fact('localAuthority', 'Area'),
    'facts.substantialDifficulty': fact('substantialDifficulty'),
    'facts.appropriateIndividualAvailable': fact('appropriateIndividualAvailable'),
    'facts.safeguardingEnquiry': fact('safeguardingEnquiry'),
    'facts.isUnpaidCarer': fact('isUnpaidCarer'),
    source: { id: INTAKE_IDS.source, label: 'Who made the referral' },
    referrer: { id: INTAKE_IDS.referrerName, label: 'Referrer' },
    'referrer.name': { id: INTAKE_IDS.referrerName, label: 'Referrer’s name' },
    'referrer.relationship': { id: INTAKE_IDS.referrerRelationship, label: 'Relationship or role' },
    'referrer.organisation': { id: INTAKE_IDS.referrerOrganisation, label: 'Organisation' },
    'referrer.phone': { id: INTAKE_IDS.referrerPhone, label: 'Referrer’s phone' },
    'referrer.email': { id: INTAKE_IDS.referrerEmail, label: 'Referrer’s email' },
    issues: { id: INTAKE_IDS.issues, label: 'Issues' },
    imhaInformation: { id: INTAKE_IDS.imhaInformed, label: 'Told about IMHA' },
    'imhaInformation.informedOn': { id: INTAKE_IDS.imhaInformedOn, label: 'Date told' },
    'imhaInformation.informedBy': { id: INTAKE_IDS.imhaInformedBy, label: 'Told by' },
    'imhaInformation.method': { id: INTAKE_IDS.imhaMethod, label: 'How they were told' },
    authorisationId: { id: INTAKE_IDS.authorisation, label: 'Carer’s authorisation' },
    summary: { id: INTAKE_IDS.summary, label: 'Summary' },
    priority: { id: INTAKE_IDS.priority, label: 'Priority' },
    receivedAt: { id: INTAKE_IDS.receivedAt, label: 'Received' },
    visitId: { id: INTAKE_IDS.source, label: 'The ward visit' },
  };
}

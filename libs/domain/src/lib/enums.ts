/**
 * The enumerations of API.md, values exactly as listed there (UPPER_SNAKE), each with a
 * type guard and the human label the SPA shows. Order in each list is the order a UI
 * offers the choices in; appending a value is backwards-compatible, renaming one is not
 * (values are stored in the database and checked by its constraints).
 */

/** True when `value` is one of `values`: the shared body of every type guard here. */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------
// Services

/** The "service type" of a referral (DOMAIN.md, Services 1–4). */
export const SERVICE_TYPES = ['IMHA', 'CARERS', 'CARE_ACT', 'COMMUNITY'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export function isServiceType(value: unknown): value is ServiceType {
  return isOneOf(SERVICE_TYPES, value);
}

export const SERVICE_TYPE_LABELS: Record<ServiceType, string> = {
  IMHA: 'IMHA — Independent Mental Health Advocacy',
  CARERS: 'Carers advocacy',
  CARE_ACT: 'Care Act advocacy',
  COMMUNITY: 'Community mental health advocacy',
};

// ---------------------------------------------------------------------------------------
// Legal status under the Mental Health Act 1983

/** A person's status under the Mental Health Act 1983 (`facts.legalStatus`). */
export const LEGAL_STATUSES = [
  'INFORMAL',
  'S2',
  'S3',
  'S4',
  'S5_2',
  'S5_4',
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
  'S135',
  'S136',
  'CTO',
  'GUARDIANSHIP',
  'CONDITIONAL_DISCHARGE',
] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

export function isLegalStatus(value: unknown): value is LegalStatus {
  return isOneOf(LEGAL_STATUSES, value);
}

export const LEGAL_STATUS_LABELS: Record<LegalStatus, string> = {
  INFORMAL: 'Informal (voluntary) patient',
  S2: 'Section 2 (assessment)',
  S3: 'Section 3 (treatment)',
  S4: 'Section 4 (emergency admission for assessment)',
  S5_2: "Section 5(2) (doctor's holding power)",
  S5_4: "Section 5(4) (nurse's holding power)",
  S35: 'Section 35 (remand to hospital for a report)',
  S36: 'Section 36 (remand to hospital for treatment)',
  S37: 'Section 37 (hospital order)',
  S37_41: 'Section 37/41 (hospital order with restrictions)',
  S38: 'Section 38 (interim hospital order)',
  S45A: 'Section 45A (hospital and limitation direction)',
  S47: 'Section 47 (transfer of a sentenced prisoner)',
  S47_49: 'Section 47/49 (transfer of a sentenced prisoner with restrictions)',
  S48: 'Section 48 (urgent transfer of another prisoner)',
  S48_49: 'Section 48/49 (urgent transfer of another prisoner with restrictions)',
  S135: 'Section 135 (place of safety under a warrant)',
  S136: 'Section 136 (place of safety, removed by the police)',
  CTO: 'Community Treatment Order',
  GUARDIANSHIP: 'Guardianship',
  CONDITIONAL_DISCHARGE: 'Conditionally discharged (restricted patient)',
};

// ---------------------------------------------------------------------------------------
// Local authorities

/** The three local authorities of the reference service's area, and everyone else. */
export const LOCAL_AUTHORITIES = ['LEICESTER', 'LEICESTERSHIRE', 'RUTLAND', 'OUTSIDE_AREA'] as const;
export type LocalAuthority = (typeof LOCAL_AUTHORITIES)[number];

export function isLocalAuthority(value: unknown): value is LocalAuthority {
  return isOneOf(LOCAL_AUTHORITIES, value);
}

export const LOCAL_AUTHORITY_LABELS: Record<LocalAuthority, string> = {
  LEICESTER: 'Leicester City',
  LEICESTERSHIRE: 'Leicestershire',
  RUTLAND: 'Rutland',
  OUTSIDE_AREA: 'Outside the area',
};

// ---------------------------------------------------------------------------------------
// Referral sources

/**
 * Who made the referral. The first six are API.md's. `NOMINATED_PERSON` is added because
 * the Mental Health Act 2025 replaces the nearest relative with a "nominated person" (chosen
 * by the patient) as its parts come into force, and DOMAIN.md asks for the sources to stay
 * extensible. `NEAREST_RELATIVE` stays: the change commences in stages, and referrals made
 * before it keep the source they were made under. New values are only ever appended.
 */
export const REFERRAL_SOURCES = [
  'SELF',
  'NEAREST_RELATIVE',
  'CARE_STAFF',
  'OTHER_CONCERNED',
  'PROFESSIONAL',
  'WARD_VISIT',
  'NOMINATED_PERSON',
] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

export function isReferralSource(value: unknown): value is ReferralSource {
  return isOneOf(REFERRAL_SOURCES, value);
}

export const SOURCE_LABELS: Record<ReferralSource, string> = {
  SELF: 'Self-referral',
  NEAREST_RELATIVE: 'Nearest relative',
  CARE_STAFF: 'Care staff',
  OTHER_CONCERNED: 'Other concerned person (e.g. friend or carer)',
  PROFESSIONAL: 'Professional',
  WARD_VISIT: 'Met on a ward visit',
  NOMINATED_PERSON: 'Nominated person (Mental Health Act 2025)',
};

// ---------------------------------------------------------------------------------------
// Issues

/**
 * What the person wants help with. The last five are outside the service's contracts
 * (see scope.ts: OUT_OF_SCOPE_ISSUES).
 */
export const ISSUES = [
  'TREATMENT',
  'DISCHARGE',
  'APPEAL_TRIBUNAL',
  'CARE_PLANNING',
  'MEDICATION',
  'COMPLAINT',
  'SAFEGUARDING',
  'CARER_RIGHTS',
  'INFORMATION',
  'OTHER',
  'BENEFITS',
  'HOUSING',
  'CHILD_PROTECTION',
  'DEBT',
  'LEGAL',
] as const;
export type Issue = (typeof ISSUES)[number];

export function isIssue(value: unknown): value is Issue {
  return isOneOf(ISSUES, value);
}

export const ISSUE_LABELS: Record<Issue, string> = {
  TREATMENT: 'Care and treatment',
  DISCHARGE: 'Discharge',
  APPEAL_TRIBUNAL: 'Appeal or tribunal',
  CARE_PLANNING: 'Care planning',
  MEDICATION: 'Medication',
  COMPLAINT: 'Making a complaint',
  SAFEGUARDING: 'Safeguarding',
  CARER_RIGHTS: "Carer's rights",
  INFORMATION: 'Information about rights, care or treatment',
  OTHER: 'Other',
  BENEFITS: 'Benefits (including PIP)',
  HOUSING: 'Housing',
  CHILD_PROTECTION: 'Child protection',
  DEBT: 'Debt',
  LEGAL: 'Legal matters',
};

// ---------------------------------------------------------------------------------------
// Referral status and triage

/** The life of a referral (see referral-state.ts for the moves between them). */
export const REFERRAL_STATUSES = [
  'RECEIVED',
  'AWAITING_ALLOCATION',
  'DECLINED',
  'ALLOCATED',
  'ACTIVE',
  'CLOSED',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export function isReferralStatus(value: unknown): value is ReferralStatus {
  return isOneOf(REFERRAL_STATUSES, value);
}

export const STATUS_LABELS: Record<ReferralStatus, string> = {
  RECEIVED: 'Received',
  AWAITING_ALLOCATION: 'Awaiting allocation',
  DECLINED: 'Declined',
  ALLOCATED: 'Allocated',
  ACTIVE: 'Active',
  CLOSED: 'Closed',
};

export const TRIAGE_DECISIONS = ['ACCEPT', 'DECLINE'] as const;
export type TriageDecision = (typeof TRIAGE_DECISIONS)[number];

export function isTriageDecision(value: unknown): value is TriageDecision {
  return isOneOf(TRIAGE_DECISIONS, value);
}

export const TRIAGE_DECISION_LABELS: Record<TriageDecision, string> = {
  ACCEPT: 'Accept',
  DECLINE: 'Decline',
};

// ---------------------------------------------------------------------------------------
// Closure outcomes

/**
 * The outcome recorded when a referral is closed (`POST /api/referrals/:id/close`), counted
 * in commissioners' reports. The first three grade the advocacy itself, as outcome
 * monitoring usually does; the rest say why the case ended without that grading.
 * A free-text `reason` accompanies every closure.
 */
export const CLOSURE_OUTCOMES = [
  /** The issues the person brought were resolved. */
  'ISSUES_RESOLVED',
  /** Some issues were resolved, others not. */
  'PARTIALLY_RESOLVED',
  /** Advocacy was given but the issues were not resolved. */
  'NOT_RESOLVED',
  /** The person no longer wanted advocacy. */
  'CLIENT_WITHDREW',
  /** The person stopped qualifying (e.g. discharged from section, moved out of the area). */
  'NO_LONGER_ELIGIBLE',
  /** Repeated attempts to reach the person failed. */
  'UNABLE_TO_CONTACT',
  /** Passed to another advocacy provider or service (e.g. after moving hospital). */
  'TRANSFERRED',
  /** The person died. */
  'DIED',
] as const;
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];

export function isClosureOutcome(value: unknown): value is ClosureOutcome {
  return isOneOf(CLOSURE_OUTCOMES, value);
}

export const CLOSURE_OUTCOME_LABELS: Record<ClosureOutcome, string> = {
  ISSUES_RESOLVED: 'Issues resolved',
  PARTIALLY_RESOLVED: 'Issues partly resolved',
  NOT_RESOLVED: 'Issues not resolved',
  CLIENT_WITHDREW: 'Client withdrew',
  NO_LONGER_ELIGIBLE: 'No longer eligible',
  UNABLE_TO_CONTACT: 'Unable to contact',
  TRANSFERRED: 'Transferred to another service',
  DIED: 'Client died',
};

// ---------------------------------------------------------------------------------------
// Carers' third-party authorisations

/** How a carer gave a third party authority to contact the service for them. */
export const AUTHORISATION_METHODS = ['VERBAL', 'WRITTEN', 'EMAIL'] as const;
export type AuthorisationMethod = (typeof AUTHORISATION_METHODS)[number];

export function isAuthorisationMethod(value: unknown): value is AuthorisationMethod {
  return isOneOf(AUTHORISATION_METHODS, value);
}

export const AUTHORISATION_METHOD_LABELS: Record<AuthorisationMethod, string> = {
  VERBAL: 'Verbally',
  WRITTEN: 'In writing',
  EMAIL: 'By email',
};

// ---------------------------------------------------------------------------------------
// Meetings, case notes, records access

export const MEETING_KINDS = [
  'WARD_ROUND',
  'CPA_REVIEW',
  'CARE_REVIEW',
  'TRIBUNAL',
  'MANAGERS_HEARING',
  'SAFEGUARDING',
  'CLIENT_MEETING',
  'OTHER',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export function isMeetingKind(value: unknown): value is MeetingKind {
  return isOneOf(MEETING_KINDS, value);
}

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  WARD_ROUND: 'Ward round',
  CPA_REVIEW: 'Care programme approach (CPA) review',
  CARE_REVIEW: 'Care review',
  TRIBUNAL: 'Tribunal hearing',
  MANAGERS_HEARING: "Hospital managers' hearing",
  SAFEGUARDING: 'Safeguarding meeting',
  CLIENT_MEETING: 'Meeting with the client',
  OTHER: 'Other meeting',
};

export const NOTE_KINDS = ['CONTACT', 'VISIT', 'MEETING', 'ADMIN', 'OTHER'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export function isNoteKind(value: unknown): value is NoteKind {
  return isOneOf(NOTE_KINDS, value);
}

export const NOTE_KIND_LABELS: Record<NoteKind, string> = {
  CONTACT: 'Contact',
  VISIT: 'Visit',
  MEETING: 'Meeting',
  ADMIN: 'Admin',
  OTHER: 'Other',
};

/** The lawful basis of an IMHA's access to a person's records (MHA s130B(3)–(4)). */
export const RECORDS_ACCESS_BASES = ['CONSENT', 'CAPACITY_HOLDER_AGREED'] as const;
export type RecordsAccessBasis = (typeof RECORDS_ACCESS_BASES)[number];

export function isRecordsAccessBasis(value: unknown): value is RecordsAccessBasis {
  return isOneOf(RECORDS_ACCESS_BASES, value);
}

export const RECORDS_ACCESS_BASIS_LABELS: Record<RecordsAccessBasis, string> = {
  CONSENT: "With the person's consent",
  CAPACITY_HOLDER_AGREED: 'Person lacks capacity; the record holder agreed access is appropriate',
};

// ---------------------------------------------------------------------------------------
// Hospital visits

/** The status of a hospital ward visit: planned from its schedule, then logged. */
export const VISIT_STATUSES = ['PLANNED', 'HELD', 'CANCELLED'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export function isVisitStatus(value: unknown): value is VisitStatus {
  return isOneOf(VISIT_STATUSES, value);
}

/** The statuses a visit log may set (`POST /api/visits/:id/log`): never back to PLANNED. */
export const VISIT_LOG_STATUSES = ['HELD', 'CANCELLED'] as const satisfies readonly VisitStatus[];
export type VisitLogStatus = (typeof VISIT_LOG_STATUSES)[number];

export function isVisitLogStatus(value: unknown): value is VisitLogStatus {
  return isOneOf(VISIT_LOG_STATUSES, value);
}

export const VISIT_STATUS_LABELS: Record<VisitStatus, string> = {
  PLANNED: 'Planned',
  HELD: 'Held',
  CANCELLED: 'Cancelled',
};

/** Days of the week, Monday first (ISO 8601 order, as UK calendars show them). */
export const WEEKDAYS = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export function isWeekday(value: unknown): value is Weekday {
  return isOneOf(WEEKDAYS, value);
}

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  MONDAY: 'Monday',
  TUESDAY: 'Tuesday',
  WEDNESDAY: 'Wednesday',
  THURSDAY: 'Thursday',
  FRIDAY: 'Friday',
  SATURDAY: 'Saturday',
  SUNDAY: 'Sunday',
};

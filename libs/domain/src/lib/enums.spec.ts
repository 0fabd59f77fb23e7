import {
  AUTHORISATION_METHODS,
  AUTHORISATION_METHOD_LABELS,
  CLOSURE_OUTCOMES,
  CLOSURE_OUTCOME_LABELS,
  ISSUES,
  ISSUE_LABELS,
  LEGAL_STATUSES,
  LEGAL_STATUS_LABELS,
  LOCAL_AUTHORITIES,
  LOCAL_AUTHORITY_LABELS,
  MEETING_KINDS,
  MEETING_KIND_LABELS,
  NOTE_KINDS,
  NOTE_KIND_LABELS,
  RECORDS_ACCESS_BASES,
  RECORDS_ACCESS_BASIS_LABELS,
  REFERRAL_SOURCES,
  REFERRAL_STATUSES,
  SERVICE_TYPES,
  SERVICE_TYPE_LABELS,
  SOURCE_LABELS,
  STATUS_LABELS,
  TRIAGE_DECISIONS,
  TRIAGE_DECISION_LABELS,
  VISIT_LOG_STATUSES,
  VISIT_STATUSES,
  VISIT_STATUS_LABELS,
  WEEKDAYS,
  WEEKDAY_LABELS,
  isAuthorisationMethod,
  isClosureOutcome,
  isIssue,
  isLegalStatus,
  isLocalAuthority,
  isMeetingKind,
  isNoteKind,
  isOneOf,
  isRecordsAccessBasis,
  isReferralSource,
  isReferralStatus,
  isServiceType,
  isTriageDecision,
  isVisitLogStatus,
  isVisitStatus,
  isWeekday,
} from './enums';

/** Each enum: its values as API.md lists them, its labels, and its guard. */
const ENUMS: {
  name: string;
  values: readonly string[];
  expected: string[];
  labels: Record<string, string>;
  guard: (value: unknown) => boolean;
}[] = [
  {
    name: 'SERVICE_TYPES',
    values: SERVICE_TYPES,
    expected: ['IMHA', 'CARERS', 'CARE_ACT', 'COMMUNITY'],
    labels: SERVICE_TYPE_LABELS,
    guard: isServiceType,
  },
  {
    name: 'LEGAL_STATUSES',
    values: LEGAL_STATUSES,
    expected: [
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
    ],
    labels: LEGAL_STATUS_LABELS,
    guard: isLegalStatus,
  },
  {
    name: 'LOCAL_AUTHORITIES',
    values: LOCAL_AUTHORITIES,
    expected: ['LEICESTER', 'LEICESTERSHIRE', 'RUTLAND', 'OUTSIDE_AREA'],
    labels: LOCAL_AUTHORITY_LABELS,
    guard: isLocalAuthority,
  },
  {
    name: 'REFERRAL_SOURCES',
    values: REFERRAL_SOURCES,
    expected: [
      'SELF',
      'NEAREST_RELATIVE',
      'CARE_STAFF',
      'OTHER_CONCERNED',
      'PROFESSIONAL',
      'WARD_VISIT',
      'NOMINATED_PERSON',
    ],
    labels: SOURCE_LABELS,
    guard: isReferralSource,
  },
  {
    name: 'ISSUES',
    values: ISSUES,
    expected: [
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
    ],
    labels: ISSUE_LABELS,
    guard: isIssue,
  },
  {
    name: 'REFERRAL_STATUSES',
    values: REFERRAL_STATUSES,
    expected: ['RECEIVED', 'AWAITING_ALLOCATION', 'DECLINED', 'ALLOCATED', 'ACTIVE', 'CLOSED'],
    labels: STATUS_LABELS,
    guard: isReferralStatus,
  },
  {
    name: 'TRIAGE_DECISIONS',
    values: TRIAGE_DECISIONS,
    expected: ['ACCEPT', 'DECLINE'],
    labels: TRIAGE_DECISION_LABELS,
    guard: isTriageDecision,
  },
  {
    name: 'CLOSURE_OUTCOMES',
    values: CLOSURE_OUTCOMES,
    expected: [
      'ISSUES_RESOLVED',
      'PARTIALLY_RESOLVED',
      'NOT_RESOLVED',
      'CLIENT_WITHDREW',
      'NO_LONGER_ELIGIBLE',
      'UNABLE_TO_CONTACT',
      'TRANSFERRED',
      'DIED',
    ],
    labels: CLOSURE_OUTCOME_LABELS,
    guard: isClosureOutcome,
  },
  {
    name: 'AUTHORISATION_METHODS',
    values: AUTHORISATION_METHODS,
    expected: ['VERBAL', 'WRITTEN', 'EMAIL'],
    labels: AUTHORISATION_METHOD_LABELS,
    guard: isAuthorisationMethod,
  },
  {
    name: 'MEETING_KINDS',
    values: MEETING_KINDS,
    expected: [
      'WARD_ROUND',
      'CPA_REVIEW',
      'CARE_REVIEW',
      'TRIBUNAL',
      'MANAGERS_HEARING',
      'SAFEGUARDING',
      'CLIENT_MEETING',
      'OTHER',
    ],
    labels: MEETING_KIND_LABELS,
    guard: isMeetingKind,
  },
  {
    name: 'NOTE_KINDS',
    values: NOTE_KINDS,
    expected: ['CONTACT', 'VISIT', 'MEETING', 'ADMIN', 'OTHER'],
    labels: NOTE_KIND_LABELS,
    guard: isNoteKind,
  },
  {
    name: 'RECORDS_ACCESS_BASES',
    values: RECORDS_ACCESS_BASES,
    expected: ['CONSENT', 'CAPACITY_HOLDER_AGREED'],
    labels: RECORDS_ACCESS_BASIS_LABELS,
    guard: isRecordsAccessBasis,
  },
  {
    name: 'VISIT_STATUSES',
    values: VISIT_STATUSES,
    expected: ['PLANNED', 'HELD', 'CANCELLED'],
    labels: VISIT_STATUS_LABELS,
    guard: isVisitStatus,
  },
  {
    name: 'WEEKDAYS',
    values: WEEKDAYS,
    expected: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'],
    labels: WEEKDAY_LABELS,
    guard: isWeekday,
  },
];

describe.each(ENUMS)('$name', ({ values, expected, labels, guard }) => {
  it('holds exactly the values of API.md, in order', () => {
    expect([...values]).toEqual(expected);
  });

  it('labels every value, and only those, with distinct non-empty text', () => {
    expect(Object.keys(labels).sort()).toEqual([...expected].sort());
    const texts = expected.map((value) => labels[value]);
    for (const text of texts) expect(text.trim().length).toBeGreaterThan(0);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('recognises its own values and nothing else', () => {
    for (const value of expected) expect(guard(value)).toBe(true);
    for (const other of [
      expected[0].toLowerCase(),
      ` ${expected[0]}`,
      '',
      'toString',
      'constructor',
      1,
      null,
      undefined,
      {},
    ]) {
      expect(guard(other)).toBe(false);
    }
  });
});

describe('labels a manager reads', () => {
  it('names legal statuses by section and power', () => {
    expect(LEGAL_STATUS_LABELS.S2).toBe('Section 2 (assessment)');
    expect(LEGAL_STATUS_LABELS.S5_2).toBe("Section 5(2) (doctor's holding power)");
    expect(LEGAL_STATUS_LABELS.CTO).toBe('Community Treatment Order');
    expect(LEGAL_STATUS_LABELS.S37_41).toBe('Section 37/41 (hospital order with restrictions)');
  });

  it('names services, areas and statuses as the service does', () => {
    expect(SERVICE_TYPE_LABELS.IMHA).toBe('IMHA — Independent Mental Health Advocacy');
    expect(Object.values(LOCAL_AUTHORITY_LABELS)).toEqual([
      'Leicester City',
      'Leicestershire',
      'Rutland',
      'Outside the area',
    ]);
    expect(STATUS_LABELS.AWAITING_ALLOCATION).toBe('Awaiting allocation');
  });
});

describe('VISIT_LOG_STATUSES', () => {
  it('lets a log hold or cancel a visit but never re-plan it', () => {
    expect([...VISIT_LOG_STATUSES]).toEqual(['HELD', 'CANCELLED']);
    expect(isVisitLogStatus('HELD')).toBe(true);
    expect(isVisitLogStatus('PLANNED')).toBe(false);
  });
});

describe('isOneOf', () => {
  it('matches whole strings only', () => {
    expect(isOneOf(['A', 'B'], 'A')).toBe(true);
    expect(isOneOf(['A', 'B'], 'AB')).toBe(false);
    expect(isOneOf(['A', 'B'], ['A'])).toBe(false);
  });
});

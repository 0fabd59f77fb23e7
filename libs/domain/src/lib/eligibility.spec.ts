import {
  ELIGIBILITY_FACT_LABELS,
  IMHA_COMMUNITY_HINT,
  IMHA_EXCLUDED_STATUSES,
  IMHA_QUALIFYING_STATUSES,
  SERVICE_AREA,
  isInServiceArea,
  IMHA_S57_REASON,
  IMHA_STATUS_REASONS,
  OUTSIDE_AREA_REASON,
  checkEligibility,
  type EligibilityFactName,
  type EligibilityFacts,
} from './eligibility';
import type { LegalStatus, LocalAuthority, ServiceType } from './enums';

const TODAY = '2026-06-01';
const AGED_16 = '2010-05-01';
const AGED_30 = '1996-01-15';

/** Every legal status of API.md and whether it alone makes someone a qualifying patient (DOMAIN.md). */
const STATUS_QUALIFIES: [LegalStatus, boolean][] = [
  ['INFORMAL', false],
  ['S2', true],
  ['S3', true],
  ['S4', false],
  ['S5_2', false],
  ['S5_4', false],
  ['S35', true],
  ['S36', true],
  ['S37', true],
  ['S37_41', true],
  ['S38', true],
  ['S45A', true],
  ['S47', true],
  ['S47_49', true],
  ['S48', true],
  ['S48_49', true],
  ['S135', false],
  ['S136', false],
  ['CTO', true],
  ['GUARDIANSHIP', true],
  ['CONDITIONAL_DISCHARGE', true],
];

function imha(facts: EligibilityFacts, today = TODAY) {
  return checkEligibility('IMHA', facts, today);
}

describe('IMHA: legal status alone', () => {
  it('covers all 21 statuses', () => {
    expect(STATUS_QUALIFIES).toHaveLength(21);
  });

  it('exports the qualifying and excluded statuses as data that agree with the table', () => {
    expect([...IMHA_QUALIFYING_STATUSES]).toEqual(
      STATUS_QUALIFIES.filter(([, q]) => q).map(([status]) => status),
    );
    expect([...IMHA_EXCLUDED_STATUSES]).toEqual(['S4', 'S5_2', 'S5_4', 'S135', 'S136']);
  });

  it.each(STATUS_QUALIFIES)('%s → eligible %s', (legalStatus, qualifies) => {
    const result = imha({ legalStatus });
    expect(result.eligible).toBe(qualifies);
    expect(result.missing).toEqual([]);
    expect(result.invalid).toEqual([]);
    expect(result.reasons[0]).toBe(IMHA_STATUS_REASONS[legalStatus]);
    if (qualifies) {
      expect(result.reasons).toEqual([IMHA_STATUS_REASONS[legalStatus]]);
      expect(result.reasons[0]).toMatch(/: a qualifying patient$/);
    } else {
      expect(result.reasons).toEqual([IMHA_STATUS_REASONS[legalStatus], IMHA_COMMUNITY_HINT]);
    }
  });

  it.each(STATUS_QUALIFIES)(
    '%s → same answer with s57 and s58 explicitly false',
    (legalStatus, qualifies) => {
      const result = imha({ legalStatus, consideredForS57: false, consideredForS58: false });
      expect(result.eligible).toBe(qualifies);
      expect(result.missing).toEqual([]);
    },
  );

  it('names the section of each holding power it refuses', () => {
    expect(imha({ legalStatus: 'S4' }).reasons[0]).toContain('section 4');
    expect(imha({ legalStatus: 'S5_2' }).reasons[0]).toContain('section 5(2)');
    expect(imha({ legalStatus: 'S5_4' }).reasons[0]).toContain('section 5(4)');
    expect(imha({ legalStatus: 'S135' }).reasons[0]).toContain('section 135');
    expect(imha({ legalStatus: 'S136' }).reasons[0]).toContain('section 136');
  });

  it('explains a qualifying detention in plain words', () => {
    expect(imha({ legalStatus: 'S3' }).reasons).toEqual([
      'Detained under section 3 of the Mental Health Act: a qualifying patient',
    ]);
    expect(imha({ legalStatus: 'S37_41' }).reasons).toEqual([
      'Detained under sections 37 and 41 of the Mental Health Act: a qualifying patient',
    ]);
  });
});

describe('IMHA: section 57 qualifies whatever the legal status and age', () => {
  it.each(STATUS_QUALIFIES)('%s + s57 → eligible', (legalStatus) => {
    const result = imha({ legalStatus, consideredForS57: true, dateOfBirth: AGED_30 });
    expect(result.eligible).toBe(true);
    expect(result.reasons).toEqual([IMHA_STATUS_REASONS[legalStatus], IMHA_S57_REASON]);
  });

  it('does not need a date of birth', () => {
    expect(imha({ legalStatus: 'INFORMAL', consideredForS57: true })).toEqual({
      eligible: true,
      reasons: [IMHA_STATUS_REASONS.INFORMAL, IMHA_S57_REASON],
      missing: [],
      invalid: [],
    });
  });
});

describe('IMHA: section 58 qualifies only under 18', () => {
  it.each(STATUS_QUALIFIES)('%s + s58 at 16 → eligible', (legalStatus) => {
    const result = imha({ legalStatus, consideredForS58: true, dateOfBirth: AGED_16 });
    expect(result.eligible).toBe(true);
    expect(result.reasons).toEqual([
      IMHA_STATUS_REASONS[legalStatus],
      'Being considered for treatment under section 58 and under 18 (aged 16): a qualifying patient',
    ]);
  });

  it.each(STATUS_QUALIFIES)('%s + s58 at 30 → eligible only by status (%s)', (legalStatus, qualifies) => {
    const result = imha({ legalStatus, consideredForS58: true, dateOfBirth: AGED_30 });
    expect(result.eligible).toBe(qualifies);
    expect(result.reasons).toEqual([
      IMHA_STATUS_REASONS[legalStatus],
      'Being considered for treatment under section 58 but aged 30: section 58 qualifies only patients under 18',
      ...(qualifies ? [] : [IMHA_COMMUNITY_HINT]),
    ]);
  });

  it('gives an informal 16-year-old without s58 no IMHA: age alone is no ground', () => {
    expect(imha({ legalStatus: 'INFORMAL', dateOfBirth: AGED_16 }).eligible).toBe(false);
  });

  it.each([
    ['2008-06-15', '2026-06-14', true, 17, 'the day before the 18th birthday'],
    ['2008-06-15', '2026-06-15', false, 18, 'on the 18th birthday'],
    ['2008-06-15', '2026-06-16', false, 18, 'the day after the 18th birthday'],
    ['2008-02-29', '2026-02-28', true, 17, '29 February birth: still 17 on 28 February of a common year'],
    ['2008-02-29', '2026-03-01', false, 18, '29 February birth: 18 on 1 March of a common year'],
    ['2012-02-29', '2028-02-28', true, 15, '29 February birth, leap year, well under 18'],
    ['2008-02-29', '2028-02-29', false, 20, '29 February birth on 29 February of a leap year'],
  ])('born %s, checked %s → eligible %s (aged %i: %s)', (dateOfBirth, today, eligible, age) => {
    const result = imha({ legalStatus: 'INFORMAL', consideredForS58: true, dateOfBirth }, today);
    expect(result.eligible).toBe(eligible);
    expect(result.reasons[1]).toContain(`aged ${age}`);
  });
});

describe('IMHA: missing and invalid facts', () => {
  it.each<[string, EligibilityFacts, string[]]>([
    ['nothing', {}, ['legalStatus']],
    ['s57 only (legal status is still recorded)', { consideredForS57: true }, ['legalStatus']],
    ['s58 only', { consideredForS58: true }, ['legalStatus', 'dateOfBirth']],
    [
      's58 without a date of birth, even when detained',
      { legalStatus: 'S3', consideredForS58: true },
      ['dateOfBirth'],
    ],
    [
      'an informal patient considered for s58 without a date of birth',
      { legalStatus: 'INFORMAL', consideredForS58: true },
      ['dateOfBirth'],
    ],
    [
      'null counts as not given',
      { legalStatus: null, consideredForS58: true, dateOfBirth: null } as unknown as EligibilityFacts,
      ['legalStatus', 'dateOfBirth'],
    ],
  ])('%s → missing %j', (_label, facts, missing) => {
    const result = imha(facts);
    expect(result.missing).toEqual(missing);
    expect(result.eligible).toBe(false);
    expect(result.invalid).toEqual([]);
  });

  it('explains what is missing and nothing else', () => {
    expect(imha({ consideredForS57: true, consideredForS58: true })).toEqual({
      eligible: false,
      reasons: [
        'Legal status under the Mental Health Act is needed to decide IMHA eligibility',
        'Date of birth is needed to decide IMHA eligibility',
      ],
      missing: ['legalStatus', 'dateOfBirth'],
      invalid: [],
    });
  });

  it('does not need residency', () => {
    expect(imha({ legalStatus: 'S2' }).missing).toEqual([]);
    expect(imha({ legalStatus: 'S2', localAuthority: 'OUTSIDE_AREA' }).eligible).toBe(true);
  });

  it.each(['2026-02-29', '2010-13-01', '01/05/2010', '2010-5-1', ''])(
    'refuses a malformed date of birth %j',
    (dateOfBirth) => {
      expect(imha({ legalStatus: 'INFORMAL', consideredForS58: true, dateOfBirth })).toEqual({
        eligible: false,
        reasons: ['Date of birth must be a real date as YYYY-MM-DD'],
        missing: [],
        invalid: [{ field: 'dateOfBirth', message: 'must be a real date as YYYY-MM-DD' }],
      });
    },
  );

  it('refuses a date of birth after today, and accepts today', () => {
    expect(imha({ legalStatus: 'INFORMAL', consideredForS58: true, dateOfBirth: '2026-06-02' })).toEqual({
      eligible: false,
      reasons: ['Date of birth must not be after today'],
      missing: [],
      invalid: [{ field: 'dateOfBirth', message: 'must not be after today' }],
    });
    expect(imha({ legalStatus: 'INFORMAL', consideredForS58: true, dateOfBirth: TODAY }).eligible).toBe(true);
  });

  it('refuses an invalid fact even where the rule would not use it, so the API can answer 400', () => {
    const result = imha({ legalStatus: 'S3', dateOfBirth: '2030-01-01' });
    expect(result.eligible).toBe(false);
    expect(result.invalid).toEqual([{ field: 'dateOfBirth', message: 'must not be after today' }]);
  });

  it('refuses values outside the enums and non-booleans, listing every problem in field order', () => {
    const facts = {
      isUnpaidCarer: 'yes',
      localAuthority: 'NOTTINGHAM',
      consideredForS57: 1,
      legalStatus: 'S99',
    } as unknown as EligibilityFacts;
    const result = imha(facts);
    expect(result.eligible).toBe(false);
    expect(result.invalid).toEqual([
      { field: 'legalStatus', message: 'must be a known legal status' },
      { field: 'consideredForS57', message: 'must be true or false' },
      { field: 'localAuthority', message: 'must be a known local authority' },
      { field: 'isUnpaidCarer', message: 'must be true or false' },
    ]);
    // An invalid legal status is reported as invalid, not also as missing.
    expect(result.missing).toEqual([]);
  });
});

const AREAS: [LocalAuthority, boolean, string][] = [
  ['LEICESTER', true, 'Lives in Leicester City, in the service area'],
  ['LEICESTERSHIRE', true, 'Lives in Leicestershire, in the service area'],
  ['RUTLAND', true, 'Lives in Rutland, in the service area'],
  ['OUTSIDE_AREA', false, OUTSIDE_AREA_REASON],
];

describe('the service area', () => {
  it('is the three local authorities, not the rest of the country', () => {
    expect([...SERVICE_AREA]).toEqual(['LEICESTER', 'LEICESTERSHIRE', 'RUTLAND']);
    for (const [localAuthority, inArea] of AREAS) expect(isInServiceArea(localAuthority)).toBe(inArea);
  });
});

describe('Care Act: substantial difficulty, appropriate individual, safeguarding, area', () => {
  /** [substantialDifficulty, appropriateIndividualAvailable, safeguardingEnquiry, eligible when in the area] */
  const COMBINATIONS: [boolean, boolean, boolean, boolean][] = [
    [false, false, false, false],
    [false, false, true, false],
    [false, true, false, false],
    [false, true, true, false],
    [true, false, false, true],
    [true, false, true, true],
    [true, true, false, false],
    [true, true, true, true],
  ];
  const cases = AREAS.flatMap(([localAuthority, inArea, areaReason]) =>
    COMBINATIONS.map(
      ([substantialDifficulty, appropriateIndividualAvailable, safeguardingEnquiry, eligibleInArea]) =>
        [
          localAuthority,
          substantialDifficulty,
          appropriateIndividualAvailable,
          safeguardingEnquiry,
          inArea && eligibleInArea,
          areaReason,
        ] as const,
    ),
  );

  it.each(cases)(
    '%s, difficulty %s, appropriate individual %s, safeguarding %s → eligible %s',
    (
      localAuthority,
      substantialDifficulty,
      appropriateIndividualAvailable,
      safeguardingEnquiry,
      eligible,
      areaReason,
    ) => {
      const result = checkEligibility(
        'CARE_ACT',
        { localAuthority, substantialDifficulty, appropriateIndividualAvailable, safeguardingEnquiry },
        TODAY,
      );
      expect(result.eligible).toBe(eligible);
      expect(result.missing).toEqual([]);
      expect(result.reasons).toEqual([
        areaReason,
        substantialDifficulty
          ? 'Would have substantial difficulty being involved'
          : 'Would not have substantial difficulty being involved',
        appropriateIndividualAvailable
          ? 'Has an appropriate individual to support them'
          : 'Has no appropriate individual to support them',
        ...(safeguardingEnquiry
          ? ['Subject of a safeguarding enquiry: entitled even if someone appropriate could support them']
          : []),
      ]);
    },
  );

  it('treats an absent safeguarding flag as no enquiry', () => {
    const base = {
      localAuthority: 'RUTLAND',
      substantialDifficulty: true,
      appropriateIndividualAvailable: true,
    } as const;
    expect(checkEligibility('CARE_ACT', base, TODAY).eligible).toBe(false);
    expect(checkEligibility('CARE_ACT', { ...base, safeguardingEnquiry: true }, TODAY).eligible).toBe(true);
  });

  it('shows the example reasons a manager expects', () => {
    expect(
      checkEligibility(
        'CARE_ACT',
        { localAuthority: 'LEICESTER', substantialDifficulty: true, appropriateIndividualAvailable: false },
        TODAY,
      ),
    ).toEqual({
      eligible: true,
      reasons: [
        'Lives in Leicester City, in the service area',
        'Would have substantial difficulty being involved',
        'Has no appropriate individual to support them',
      ],
      missing: [],
      invalid: [],
    });
  });

  it.each<[string, EligibilityFacts, string[]]>([
    ['nothing', {}, ['localAuthority', 'substantialDifficulty', 'appropriateIndividualAvailable']],
    [
      'a safeguarding enquiry (no appropriate individual needed)',
      { safeguardingEnquiry: true },
      ['localAuthority', 'substantialDifficulty'],
    ],
    [
      'no enquiry',
      { safeguardingEnquiry: false },
      ['localAuthority', 'substantialDifficulty', 'appropriateIndividualAvailable'],
    ],
    [
      'area only',
      { localAuthority: 'LEICESTER' },
      ['substantialDifficulty', 'appropriateIndividualAvailable'],
    ],
    [
      'no difficulty, but still all facts',
      { localAuthority: 'LEICESTER', substantialDifficulty: false },
      ['appropriateIndividualAvailable'],
    ],
    [
      'outside the area, still all facts',
      { localAuthority: 'OUTSIDE_AREA', appropriateIndividualAvailable: false },
      ['substantialDifficulty'],
    ],
  ])('%s → missing %j', (_label, facts, missing) => {
    const result = checkEligibility('CARE_ACT', facts, TODAY);
    expect(result.missing).toEqual(missing);
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual(
      missing.map(
        (name) =>
          `${ELIGIBILITY_FACT_LABELS[name as EligibilityFactName]} is needed to decide Care Act advocacy eligibility`,
      ),
    );
  });
});

describe('Carers: an unpaid carer resident in the area', () => {
  const cases = AREAS.flatMap(([localAuthority, inArea, areaReason]) =>
    [true, false].map(
      (isUnpaidCarer) => [localAuthority, isUnpaidCarer, inArea && isUnpaidCarer, areaReason] as const,
    ),
  );

  it.each(cases)(
    '%s, unpaid carer %s → eligible %s',
    (localAuthority, isUnpaidCarer, eligible, areaReason) => {
      const result = checkEligibility('CARERS', { localAuthority, isUnpaidCarer }, TODAY);
      expect(result.eligible).toBe(eligible);
      expect(result.reasons).toEqual([
        areaReason,
        isUnpaidCarer
          ? 'An unpaid carer of someone with a mental health need'
          : 'Not an unpaid carer (care given as part of a job does not count)',
      ]);
    },
  );

  it.each<[EligibilityFacts, string[]]>([
    [{}, ['localAuthority', 'isUnpaidCarer']],
    [{ isUnpaidCarer: true }, ['localAuthority']],
    [{ localAuthority: 'OUTSIDE_AREA' }, ['isUnpaidCarer']],
  ])('%j → missing %j', (facts, missing) => {
    const result = checkEligibility('CARERS', facts, TODAY);
    expect(result.missing).toEqual(missing);
    expect(result.eligible).toBe(false);
  });

  it('explains a missing fact in words', () => {
    expect(checkEligibility('CARERS', { localAuthority: 'RUTLAND' }, TODAY).reasons).toEqual([
      'Unpaid carer is needed to decide carers advocacy eligibility',
    ]);
  });
});

describe('Community: resident in the area', () => {
  it.each(AREAS)('%s → eligible %s', (localAuthority, eligible, reason) => {
    expect(checkEligibility('COMMUNITY', { localAuthority }, TODAY)).toEqual({
      eligible,
      reasons: [reason],
      missing: [],
      invalid: [],
    });
  });

  it('needs the local authority and nothing else', () => {
    expect(checkEligibility('COMMUNITY', { legalStatus: 'INFORMAL' }, TODAY)).toEqual({
      eligible: false,
      reasons: [
        'Local authority of residence is needed to decide community mental health advocacy eligibility',
      ],
      missing: ['localAuthority'],
      invalid: [],
    });
  });

  it('ignores IMHA facts: a detained resident is still eligible for community advocacy', () => {
    expect(
      checkEligibility('COMMUNITY', { localAuthority: 'LEICESTER', legalStatus: 'S5_2' }, TODAY).eligible,
    ).toBe(true);
  });
});

describe('checkEligibility guards its own inputs', () => {
  it('throws on an unknown service type', () => {
    expect(() => checkEligibility('PIP' as ServiceType, {}, TODAY)).toThrow(RangeError);
  });

  it.each(['', '2026-02-30', '1/6/2026'])('throws on a malformed today %j', (today) => {
    expect(() => checkEligibility('COMMUNITY', { localAuthority: 'RUTLAND' }, today)).toThrow(
      /^today must be a date/,
    );
  });

  it('does not change the facts it is given', () => {
    const facts: EligibilityFacts = { legalStatus: 'INFORMAL', consideredForS58: true, dateOfBirth: AGED_16 };
    const copy = { ...facts };
    checkEligibility('IMHA', facts, TODAY);
    expect(facts).toEqual(copy);
  });
});

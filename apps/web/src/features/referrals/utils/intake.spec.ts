import {
  EMPTY_INTAKE,
  SERVICE_FACTS,
  eligibilityFacts,
  intakeFields,
  needsAuthorisation,
  previewEligibility,
  previewScope,
  toCreateReferralBody,
  validateIntake,
  type IntakeDraft,
} from './intake';

const TODAY = '2026-11-25';
const client = {
  id: '0139c785-b29f-4975-b1b7-76bdbe228e00',
  firstName: 'Ann',
  lastName: 'Bell',
  dateOfBirth: '1980-01-02',
  localAuthority: 'LEICESTER' as const,
};

type DraftChange = Partial<Omit<IntakeDraft, 'facts'>> & { facts?: Partial<IntakeDraft['facts']> };

function draft(change: DraftChange = {}): IntakeDraft {
  return { ...EMPTY_INTAKE, ...change, facts: { ...EMPTY_INTAKE.facts, ...change.facts } };
}

const imhaNew = draft({
  serviceType: 'IMHA',
  personMode: 'new',
  person: { ...EMPTY_INTAKE.person, firstName: ' Kit ', lastName: 'Moss', dateOfBirth: '2010-05-01' },
  source: 'PROFESSIONAL',
  referrer: { ...EMPTY_INTAKE.referrer, name: 'Dr Rae', organisation: '  ' },
  issues: ['TREATMENT', 'BENEFITS'],
  facts: { legalStatus: 'S3', localAuthority: 'RUTLAND' },
});

describe('which facts each service asks for', () => {
  it('asks IMHA for the legal status, s57, s58, date of birth and area, and every service for the area', () => {
    expect(SERVICE_FACTS.IMHA).toEqual([
      'legalStatus',
      'consideredForS57',
      'consideredForS58',
      'dateOfBirth',
      'localAuthority',
    ]);
    expect(SERVICE_FACTS.CARERS).toEqual(['localAuthority', 'isUnpaidCarer']);
    expect(SERVICE_FACTS.COMMUNITY).toEqual(['localAuthority']);
    for (const facts of Object.values(SERVICE_FACTS)) expect(facts).toContain('localAuthority');
  });

  it('sends only the facts the chosen service asks for, even when others were typed before switching', () => {
    const switched = draft({
      serviceType: 'CARERS',
      facts: { legalStatus: 'S3', consideredForS57: true, localAuthority: 'LEICESTER', isUnpaidCarer: 'yes' },
    });
    expect(eligibilityFacts(switched)).toEqual({ localAuthority: 'LEICESTER', isUnpaidCarer: true });
  });

  it('turns unanswered yes/no questions into missing facts, never into "no"', () => {
    const careAct = draft({ serviceType: 'CARE_ACT', facts: { localAuthority: 'RUTLAND' } });
    expect(eligibilityFacts(careAct)).toEqual({ localAuthority: 'RUTLAND' });
    expect(previewEligibility(careAct, TODAY)?.missing).toEqual([
      'substantialDifficulty',
      'appropriateIndividualAvailable',
    ]);
    const answered = draft({
      serviceType: 'CARE_ACT',
      facts: {
        localAuthority: 'RUTLAND',
        substantialDifficulty: 'yes',
        appropriateIndividualAvailable: 'no',
      },
    });
    expect(previewEligibility(answered, TODAY)).toMatchObject({ eligible: true, missing: [] });
  });

  it('takes the date of birth from the person: new, on record, or typed when the record has none', () => {
    const s58 = {
      serviceType: 'IMHA' as const,
      facts: { legalStatus: 'INFORMAL' as const, consideredForS58: true },
    };
    expect(eligibilityFacts(draft({ ...s58, personMode: 'new', person: imhaNew.person })).dateOfBirth).toBe(
      '2010-05-01',
    );
    expect(eligibilityFacts(draft({ ...s58, client })).dateOfBirth).toBe('1980-01-02');
    const noDob = draft({ ...s58, client: { ...client, dateOfBirth: null } });
    expect(previewEligibility(noDob, TODAY)?.missing).toEqual(['dateOfBirth']);
    expect(intakeFields(noDob)['facts.dateOfBirth'].id).toBe('intake-facts-dob');
    expect(intakeFields(draft({ ...s58, personMode: 'new' }))['facts.dateOfBirth'].id).toBe('intake-dob');
  });
});

describe('the live preview', () => {
  it('says a section 3 patient is eligible for IMHA, and why', () => {
    expect(previewEligibility(imhaNew, TODAY)).toEqual({
      eligible: true,
      reasons: ['Detained under section 3 of the Mental Health Act: a qualifying patient'],
      missing: [],
      invalid: [],
    });
    expect(previewEligibility(EMPTY_INTAKE, TODAY)).toBeNull();
  });

  it('splits issues into in and out of scope with signposting suggestions', () => {
    expect(previewScope(['BENEFITS', 'TREATMENT', 'DEBT'])).toEqual({
      inScope: ['TREATMENT'],
      outOfScope: ['BENEFITS', 'DEBT'],
      suggestions: ['CITIZENS_ADVICE', 'NATIONAL_DEBTLINE'],
    });
  });
});

describe('toCreateReferralBody', () => {
  it('sends a new person with trimmed details, the referrer without blank fields, and no stray facts', () => {
    expect(toCreateReferralBody(imhaNew)).toEqual({
      serviceType: 'IMHA',
      client: { firstName: 'Kit', lastName: 'Moss', dateOfBirth: '2010-05-01', localAuthority: 'RUTLAND' },
      facts: { legalStatus: 'S3', localAuthority: 'RUTLAND' },
      source: 'PROFESSIONAL',
      referrer: { name: 'Dr Rae' },
      issues: ['TREATMENT', 'BENEFITS'],
      priority: 'ROUTINE',
    });
  });

  it('sends an existing person by id, no referrer for a self-referral, and the s130D information', () => {
    const body = toCreateReferralBody({
      ...imhaNew,
      personMode: 'existing',
      client,
      source: 'SELF',
      summary: '  Wants to appeal  ',
      imha: { informed: 'yes', informedOn: '2026-11-20', informedBy: 'Ward manager', method: '' },
      priority: 'URGENT',
    });
    expect(body.clientId).toBe(client.id);
    expect(body.client).toBeUndefined();
    expect(body.referrer).toBeUndefined();
    expect(body.summary).toBe('Wants to appeal');
    expect(body.priority).toBe('URGENT');
    expect(body.imhaInformation).toEqual({
      informed: true,
      informedOn: '2026-11-20',
      informedBy: 'Ward manager',
    });
    expect(
      toCreateReferralBody({ ...imhaNew, imha: { ...imhaNew.imha, informed: 'no' } }).imhaInformation,
    ).toEqual({ informed: false });
  });

  it('sends the date of birth as a fact only when it was typed among the facts', () => {
    const noDob = draft({
      serviceType: 'IMHA',
      client: { ...client, dateOfBirth: null },
      facts: {
        legalStatus: 'INFORMAL',
        consideredForS58: true,
        dateOfBirth: '2011-03-03',
        localAuthority: 'LEICESTER',
      },
      source: 'SELF',
      issues: ['TREATMENT'],
    });
    expect(toCreateReferralBody(noDob).facts.dateOfBirth).toBe('2011-03-03');
    expect(toCreateReferralBody({ ...noDob, client }).facts.dateOfBirth).toBeUndefined();
  });

  it('sends the authorisation only for a third-party carers referral', () => {
    const carers = draft({
      serviceType: 'CARERS',
      client,
      source: 'OTHER_CONCERNED',
      referrer: { ...EMPTY_INTAKE.referrer, name: 'Mo Bell' },
      issues: ['CARER_RIGHTS'],
      facts: { localAuthority: 'LEICESTER', isUnpaidCarer: 'yes' },
      authorisationId: 'a1',
    });
    expect(needsAuthorisation(carers)).toBe(true);
    expect(toCreateReferralBody(carers).authorisationId).toBe('a1');
    expect(needsAuthorisation({ ...carers, source: 'SELF' })).toBe(false);
    expect(toCreateReferralBody({ ...carers, source: 'SELF' }).authorisationId).toBeUndefined();
  });
});

describe('validateIntake', () => {
  it('names every missing answer with the API’s field names', () => {
    expect(validateIntake(EMPTY_INTAKE, TODAY).map((e) => e.field)).toEqual([
      'serviceType',
      'clientId',
      'facts.localAuthority',
      'source',
      'issues',
    ]);
    const partial = draft({ serviceType: 'IMHA', personMode: 'new', source: 'CARE_STAFF' });
    expect(validateIntake(partial, TODAY).map((e) => e.field)).toEqual([
      'client.firstName',
      'client.lastName',
      'facts.localAuthority',
      'facts.legalStatus',
      'referrer.name',
      'issues',
    ]);
  });

  it('passes a complete draft, and asks for the authorisation of a third-party carers referral', () => {
    expect(validateIntake(imhaNew, TODAY)).toEqual([]);
    const carers = draft({
      serviceType: 'CARERS',
      client,
      source: 'NEAREST_RELATIVE',
      referrer: { ...EMPTY_INTAKE.referrer, name: 'Mo Bell' },
      issues: ['CARER_RIGHTS'],
      facts: { localAuthority: 'LEICESTER', isUnpaidCarer: 'yes' },
    });
    expect(validateIntake(carers, TODAY).map((e) => e.field)).toEqual(['authorisationId']);
  });

  it('refuses a date of birth in the future as the eligibility rule does', () => {
    const future = { ...imhaNew, person: { ...imhaNew.person, dateOfBirth: '2030-01-01' } };
    expect(validateIntake(future, TODAY)).toEqual([
      { field: 'facts.dateOfBirth', message: 'must not be after today' },
    ]);
  });
});

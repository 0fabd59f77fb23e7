import { startTestApp, type Session, type TestApp } from './helpers/test-app';

let t: TestApp;
let advocate: Session;

beforeAll(async () => {
  t = await startTestApp();
  advocate = await t.login((await t.createUser(['ADVOCATE'])).email);
});
afterAll(() => t.close());

const check = (body: unknown, token = advocate.token) =>
  t.request('POST', '/api/eligibility/check', { token, body });

describe('POST /api/eligibility/check', () => {
  it('answers eligible with the reason for a detained patient (IMHA, section 3)', async () => {
    const answer = await check({ serviceType: 'IMHA', facts: { legalStatus: 'S3' } });
    expect(answer.status).toBe(200);
    expect(answer.body.eligible).toBe(true);
    expect(answer.body.reasons.join(' ')).toMatch(/section 3/i);
    expect(Object.keys(answer.body).sort()).toEqual(['eligible', 'reasons']);
  });

  it('answers not eligible for the short holding powers (IMHA, section 5(2))', async () => {
    const answer = await check({ serviceType: 'IMHA', facts: { legalStatus: 'S5_2' } });
    expect(answer.status).toBe(200);
    expect(answer.body.eligible).toBe(false);
    expect(answer.body.reasons.length).toBeGreaterThan(0);
  });

  it('applies s58 only while under 18 on the day of the check', async () => {
    const today = new Date();
    const y = today.getUTCFullYear();
    const seventeen = `${y - 17}-01-01`;
    const forty = `${y - 40}-01-01`;
    const under = await check({
      serviceType: 'IMHA',
      facts: { legalStatus: 'INFORMAL', consideredForS58: true, dateOfBirth: seventeen },
    });
    const over = await check({
      serviceType: 'IMHA',
      facts: { legalStatus: 'INFORMAL', consideredForS58: true, dateOfBirth: forty },
    });
    expect(under.body.eligible).toBe(true);
    expect(over.body.eligible).toBe(false);
  });

  it('decides Care Act, carers and community referrals on their own facts', async () => {
    const careAct = await check({
      serviceType: 'CARE_ACT',
      facts: {
        localAuthority: 'RUTLAND',
        substantialDifficulty: true,
        appropriateIndividualAvailable: false,
      },
    });
    expect(careAct.body.eligible).toBe(true);
    const carer = await check({
      serviceType: 'CARERS',
      facts: { localAuthority: 'LEICESTER', isUnpaidCarer: false },
    });
    expect(carer.body.eligible).toBe(false);
    const outside = await check({ serviceType: 'COMMUNITY', facts: { localAuthority: 'OUTSIDE_AREA' } });
    expect(outside.body.eligible).toBe(false);
  });

  it('answers 400 naming each fact the rule needs and lacks', async () => {
    const answer = await check({ serviceType: 'CARE_ACT', facts: {} });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    const fields = answer.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'facts.localAuthority',
        'facts.substantialDifficulty',
        'facts.appropriateIndividualAvailable',
      ]),
    );
  });

  it('answers 400 for unknown services, unknown facts and bad values, each named', async () => {
    const answer = await check({
      serviceType: 'HOUSING',
      facts: { legalStatus: 'S99', dateOfBirth: '2026-02-30', shoeSize: 9 },
    });
    expect(answer.status).toBe(400);
    const fields = answer.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['facts.dateOfBirth', 'facts.legalStatus', 'facts.shoeSize', 'serviceType']);
  });

  it('needs a signed-in user and has no side effects', async () => {
    expect(
      (await t.request('POST', '/api/eligibility/check', { body: { serviceType: 'IMHA', facts: {} } }))
        .status,
    ).toBe(401);
    const [{ count: before }] = await t.dataSource.query('SELECT count(*)::int AS count FROM audit_events');
    await check({ serviceType: 'IMHA', facts: { legalStatus: 'S2' } });
    const [{ count: after }] = await t.dataSource.query('SELECT count(*)::int AS count FROM audit_events');
    expect(after).toBe(before);
  });
});

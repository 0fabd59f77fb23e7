import { exportCounts, parseSubjectAccess, subjectAccessFilename } from './subject-access';

const answer = {
  exportedAt: '2026-05-12T09:30:00.000Z',
  about: 'Everything Beacon holds about this person (UK GDPR Article 15 subject access).',
  client: {
    id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    firstName: 'Peter',
    lastName: 'Dawson',
    dateOfBirth: '1963-08-18',
    nhsNumber: null,
    phone: '07700 900127',
    email: null,
    address: '',
    localAuthority: 'LEICESTER',
    createdBy: 'u-1',
    createdByName: 'Priya Shah',
    createdAt: '2026-04-24T08:00:00.000Z',
  },
  referrals: [
    {
      id: 'r-1',
      reference: 'REF-2026-000123',
      serviceType: 'IMHA',
      source: 'SELF',
      status: 'ACTIVE',
      priority: 'ROUTINE',
      issues: ['APPEAL_TRIBUNAL', 'DISCHARGE'],
      eligible: true,
      eligibilityReasons: ['Detained under section 3'],
      allocatedAdvocateId: 'u-2',
      allocatedAdvocateIdName: 'Sam Taylor',
      referrer: { name: 'Peter Dawson', informed: true },
      receivedAt: '2026-04-24T08:00:00.000Z',
      history: [
        {
          id: 'e-1',
          action: 'RECEIVED',
          fromStatus: null,
          toStatus: 'RECEIVED',
          actorId: 'u-1',
          actorIdName: 'Priya Shah',
          at: '2026-04-24T08:00:00.000Z',
          reason: null,
        },
        {
          id: 'e-2',
          action: 'ALLOCATE',
          fromStatus: 'AWAITING_ALLOCATION',
          toStatus: 'ALLOCATED',
          actorIdName: 'Priya Shah',
          at: '2026-04-25T08:00:00.000Z',
        },
      ],
      signposting: [],
      notes: [
        {
          id: 'n-1',
          kind: 'VISIT',
          minutesSpent: 45,
          createdByName: 'Sam Taylor',
          createdAt: '2026-04-26T10:00:00.000Z',
          versions: [
            { version: 2, body: 'Amended text', reason: 'Added the ward', createdByName: 'Sam Taylor' },
            { version: 1, body: 'First text', reason: null, createdByName: 'Sam Taylor' },
          ],
        },
      ],
      meetings: [
        {
          id: 'm-1',
          kind: 'WARD_ROUND',
          startsAt: '2026-04-27T10:00:00.000Z',
          attendees: ['Dr Hart', 42],
          inPrivate: false,
        },
      ],
      recordsAccess: [
        {
          id: 'a-1',
          recordsDescription: 'Care plan',
          basis: 'CONSENT',
          heldBy: 'Ward 3',
          accessedOn: '2026-04-28',
          recordedByName: 'Sam Taylor',
        },
      ],
    },
  ],
  authorisations: [],
};

describe('parseSubjectAccess', () => {
  it('reads the export: the person, each referral with history, notes with every version in order', () => {
    const data = parseSubjectAccess(answer);
    expect(data.client).toMatchObject({
      firstName: 'Peter',
      lastName: 'Dawson',
      address: null,
      localAuthority: 'LEICESTER',
      createdByName: 'Priya Shah',
    });
    const [referral] = data.referrals;
    expect(referral.reference).toBe('REF-2026-000123');
    expect(referral.allocatedAdvocateName).toBe('Sam Taylor');
    expect(referral.referrer).toEqual({
      name: 'Peter Dawson',
      relationship: null,
      organisation: null,
      phone: null,
      email: null,
    });
    expect(referral.history.map((e) => [e.action, e.actorName])).toEqual([
      ['RECEIVED', 'Priya Shah'],
      ['ALLOCATE', 'Priya Shah'],
    ]);
    expect(referral.notes[0].versions.map((v) => v.body)).toEqual(['First text', 'Amended text']);
    expect(referral.meetings[0].attendees).toEqual(['Dr Hart', '42']);
    expect(referral.recordsAccess[0].recordedByName).toBe('Sam Taylor');
    expect(exportCounts(data)).toEqual({
      referrals: 1,
      notes: 1,
      meetings: 1,
      recordsAccess: 1,
      authorisations: 0,
    });
  });

  it('does not break on a shape it does not expect', () => {
    expect(parseSubjectAccess(null)).toEqual({
      exportedAt: null,
      about: null,
      client: expect.objectContaining({ id: '', firstName: '', lastName: '' }),
      referrals: [],
      authorisations: [],
    });
    const odd = parseSubjectAccess({ referrals: [{ history: 'none', notes: [{ versions: [{}] }] }, 'x'] });
    expect(odd.referrals).toHaveLength(2);
    expect(odd.referrals[0].reference).toBe('Referral without a reference');
    expect(odd.referrals[0].history).toEqual([]);
    expect(odd.referrals[0].notes[0].versions[0].body).toBe('');
    expect(odd.referrals[1].id).toBe('referral-1');
  });
});

describe('subjectAccessFilename', () => {
  it('names the file by the record id and the day, never the name', () => {
    expect(subjectAccessFilename('1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', '2026-05-12')).toBe(
      'beacon-subject-access-1a2b3c4d-2026-05-12.json',
    );
  });
});

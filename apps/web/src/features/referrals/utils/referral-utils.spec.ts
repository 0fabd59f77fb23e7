import { factRows } from './facts';
import { eventLabel, signpostsByEvent } from './history';
import { suggestedServiceIds, toSignpostInputs } from './signposting';

const directory = [
  { id: 'gp', key: 'GP' },
  { id: 'ca', key: 'CITIZENS_ADVICE' },
  { id: 'debt', key: 'NATIONAL_DEBTLINE' },
  { id: 'food', key: 'FOODBANK' },
];

describe('signposting for triage', () => {
  it('preselects the directory entries suggested for the out-of-scope issues, once each', () => {
    expect(suggestedServiceIds(directory, ['BENEFITS'])).toEqual(['ca']);
    expect(suggestedServiceIds(directory, ['DEBT', 'BENEFITS', 'TREATMENT'])).toEqual(['ca', 'debt']);
    expect(suggestedServiceIds(directory, ['LEGAL'])).toEqual([]); // not in this directory
    expect(suggestedServiceIds(directory, [])).toEqual([]);
  });

  it('sends chosen entries and a typed destination, each with the note when there is one', () => {
    expect(toSignpostInputs(['ca'], '  Local food bank ', ' Gave the phone number ')).toEqual([
      { serviceId: 'ca', note: 'Gave the phone number' },
      { name: 'Local food bank', note: 'Gave the phone number' },
    ]);
    expect(toSignpostInputs(['ca', 'debt'], ' ', '')).toEqual([{ serviceId: 'ca' }, { serviceId: 'debt' }]);
    expect(toSignpostInputs([], '', 'note')).toEqual([]);
  });
});

describe('factRows', () => {
  it('labels each recorded fact in the rule’s order, in words', () => {
    expect(
      factRows({
        localAuthority: 'RUTLAND',
        legalStatus: 'S3',
        consideredForS57: false,
        dateOfBirth: '2010-05-01',
      }),
    ).toEqual([
      { label: 'Legal status under the Mental Health Act', value: 'Section 3 (treatment)' },
      { label: 'Being considered for section 57 treatment', value: 'No' },
      { label: 'Date of birth', value: '1 May 2010' },
      { label: 'Local authority of residence', value: 'Rutland' },
    ]);
    expect(factRows({ isUnpaidCarer: true })).toEqual([{ label: 'Unpaid carer', value: 'Yes' }]);
  });
});

describe('eventLabel', () => {
  it('tells a first allocation from a re-allocation', () => {
    expect(eventLabel({ action: 'ALLOCATE', fromStatus: 'AWAITING_ALLOCATION' })).toBe('Allocated');
    expect(eventLabel({ action: 'ALLOCATE', fromStatus: 'ACTIVE' })).toBe('Re-allocated');
    expect(eventLabel({ action: 'TRIAGE_DECLINE', fromStatus: 'RECEIVED' })).toBe('Declined');
    expect(eventLabel({ action: 'SOMETHING_NEW', fromStatus: null })).toBe('SOMETHING_NEW');
  });
});

describe('signpostsByEvent', () => {
  it('puts each signpost with the triage decision nearest in time', () => {
    const history = [
      { id: 'r', action: 'RECEIVED', at: '2026-11-01T10:00:00.000Z' },
      { id: 'a', action: 'TRIAGE_ACCEPT', at: '2026-11-02T10:00:00.050Z' },
      { id: 'd', action: 'TRIAGE_DECLINE', at: '2026-11-05T09:00:00.040Z' },
    ];
    const signpost = (id: string, createdAt: string) => ({
      id,
      serviceId: null,
      name: id,
      note: null,
      createdAt,
    });
    const byEvent = signpostsByEvent(history, [
      signpost('ca', '2026-11-02T10:00:00.010Z'),
      signpost('debt', '2026-11-05T09:00:00.000Z'),
    ]);
    expect(byEvent.get('a')?.map((s) => s.id)).toEqual(['ca']);
    expect(byEvent.get('d')?.map((s) => s.id)).toEqual(['debt']);
    expect(byEvent.has('r')).toBe(false);
    expect(signpostsByEvent([history[0]], [signpost('x', '2026-11-01T10:00:00Z')]).size).toBe(0);
  });
});

import { ProblemError } from '@beacon/api-client';
import {
  ACCESS_REASON_REQUIRED,
  isAccessReasonRequired,
  NO_REASON,
  normaliseReason,
  reasonHeaders,
  reasonProblems,
  reasonReducer,
  type ReasonAction,
  type ReasonState,
} from './access-reason';

function run(actions: ReasonAction[], from: ReasonState = NO_REASON): ReasonState {
  return actions.reduce(reasonReducer, from);
}

describe('the reason dialog state', () => {
  it('asks, then keeps the reason given for the rest of the search session', () => {
    const asked = run([{ type: 'ask' }]);
    expect(asked).toEqual({ reason: null, asking: true });
    const given = reasonReducer(asked, {
      type: 'give',
      reason: '  SAR-2026-014:  request\nfrom the person ',
    });
    expect(given).toEqual({ reason: 'SAR-2026-014: request from the person', asking: false });
  });

  it('keeps asking when the reason will not do', () => {
    const asked = run([{ type: 'ask' }]);
    expect(reasonReducer(asked, { type: 'give', reason: 'why' })).toBe(asked);
  });

  it('cancelling closes the dialog and keeps whatever reason there was', () => {
    expect(run([{ type: 'ask' }, { type: 'cancel' }])).toEqual(NO_REASON);
    const changed = run([
      { type: 'ask' },
      { type: 'give', reason: 'Complaint 2026-7' },
      { type: 'ask' },
      { type: 'cancel' },
    ]);
    expect(changed).toEqual({ reason: 'Complaint 2026-7', asking: false });
  });

  it('a change of reason replaces the old one', () => {
    const state = run([
      { type: 'ask' },
      { type: 'give', reason: 'Complaint 2026-7' },
      { type: 'ask' },
      { type: 'give', reason: 'Safeguarding check' },
    ]);
    expect(state).toEqual({ reason: 'Safeguarding check', asking: false });
  });

  it('forgets the reason and asks again when the API refuses it', () => {
    const state = run([{ type: 'ask' }, { type: 'give', reason: 'Complaint 2026-7' }, { type: 'refused' }]);
    expect(state).toEqual({ reason: null, asking: true });
    expect(run([{ type: 'forget' }], state)).toEqual(NO_REASON);
  });

  it('changes nothing for actions that have nothing to do', () => {
    const asking = run([{ type: 'ask' }]);
    expect(reasonReducer(asking, { type: 'ask' })).toBe(asking);
    expect(reasonReducer(NO_REASON, { type: 'cancel' })).toBe(NO_REASON);
  });
});

describe('reasons as a header can carry them', () => {
  it('makes typographic punctuation plain and the reason one line', () => {
    expect(normaliseReason('‘SAR’ – “ref” 14…')).toBe(`'SAR' - "ref" 14...`);
    expect(normaliseReason(' a\tb\r\nc ')).toBe('a b c');
  });

  it('needs 5 to 500 characters of Latin-1', () => {
    expect(reasonProblems('')).toEqual(['is required']);
    expect(reasonProblems('   ')).toEqual(['is required']);
    expect(reasonProblems('abcd')).toEqual(['must be at least 5 characters']);
    expect(reasonProblems('abcde')).toEqual([]);
    expect(reasonProblems('x'.repeat(500))).toEqual([]);
    expect(reasonProblems('x'.repeat(501))).toEqual(['must be at most 500 characters']);
    expect(reasonProblems('Café complaint, Zoë')).toEqual([]);
    expect(reasonProblems('Complaint 🙂 follow-up')).toEqual([
      'can only use letters, numbers and everyday punctuation (no emoji or symbols)',
    ]);
  });

  it('sends the header only with a reason', () => {
    expect(reasonHeaders('SAR-2026-014')).toEqual({ 'X-Access-Reason': 'SAR-2026-014' });
    expect(reasonHeaders(null)).toBeUndefined();
  });

  it('recognises the API asking for a reason', () => {
    expect(isAccessReasonRequired(new ProblemError(428, { type: ACCESS_REASON_REQUIRED }))).toBe(true);
    expect(isAccessReasonRequired(new ProblemError(428, {}))).toBe(false);
    expect(isAccessReasonRequired(new ProblemError(403, { type: ACCESS_REASON_REQUIRED }))).toBe(false);
  });
});

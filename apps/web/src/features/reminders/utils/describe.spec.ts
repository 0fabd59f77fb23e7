import type { Reminder } from '../api/get-reminders';
import { describeReminder } from './describe';

const base: Reminder = {
  id: '1',
  kind: 'VISIT_TODAY',
  dueOn: '2026-07-01',
  createdAt: '2026-07-01T05:00:00Z',
  referralId: null,
  referralReference: null,
  clientName: null,
  visitId: 'v',
  wardName: 'Ashby Ward',
  hospitalName: 'Bradgate Unit',
  meetingId: null,
  meetingKind: null,
  startsAt: '2026-07-01T09:00:00Z',
  lastContactOn: null,
};

describe('describeReminder', () => {
  it('says where and when a visit today is, in UK time', () => {
    expect(describeReminder(base, '2026-07-01')).toEqual({
      title: 'Ward visit today at 10:00',
      detail: 'Ashby Ward, Bradgate Unit',
    });
  });

  it('names the meeting, the person and the case for tomorrow', () => {
    const meeting: Reminder = {
      ...base,
      kind: 'MEETING_TOMORROW',
      visitId: null,
      wardName: null,
      hospitalName: null,
      referralId: 'r',
      referralReference: 'REF-2026-000123',
      clientName: 'Peter Dawson',
      meetingId: 'm',
      meetingKind: 'TRIBUNAL',
      startsAt: '2026-12-02T14:00:00Z',
    };
    expect(describeReminder(meeting, '2026-12-01')).toEqual({
      title: 'Tribunal hearing tomorrow at 14:00',
      detail: 'Peter Dawson (REF-2026-000123)',
    });
  });

  it('counts the days since the last contact as of today', () => {
    const quiet: Reminder = {
      ...base,
      kind: 'NO_CONTACT_14_DAYS',
      dueOn: '2026-11-20',
      visitId: null,
      wardName: null,
      hospitalName: null,
      startsAt: null,
      referralId: 'r',
      referralReference: 'REF-2026-000124',
      clientName: 'Zara Ahmed',
      lastContactOn: '2026-11-06',
    };
    expect(describeReminder(quiet, '2026-11-29')).toEqual({
      title: 'No contact for 23 days',
      detail: 'Zara Ahmed (REF-2026-000124)',
    });
  });
});

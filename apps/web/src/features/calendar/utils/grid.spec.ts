import type { CalendarItem } from '../../../lib/calendar';
import {
  buildDays,
  describeItem,
  isUnlogged,
  parseCalendarParams,
  rangeLabel,
  shiftAnchor,
  viewRange,
  weeksOf,
} from './grid';

function item(id: string, startsAt: string, change: Partial<CalendarItem> = {}): CalendarItem {
  return {
    type: 'VISIT',
    id,
    title: 'Ward visit: Ashby Ward, Bradgate Mental Health Unit',
    startsAt,
    endsAt: startsAt,
    advocateId: 'a',
    advocateName: 'Sam Taylor',
    status: 'PLANNED',
    referralId: null,
    reference: null,
    meetingKind: null,
    wardName: 'Ashby Ward',
    hospitalName: 'Bradgate Mental Health Unit',
    ...change,
  };
}

describe('calendar weeks', () => {
  it('runs Monday to Sunday, seven days, in the week the clocks go forward (last Sunday of March)', () => {
    const range = viewRange('week', '2026-03-26');
    expect(range).toEqual({ from: '2026-03-23', to: '2026-03-29' });
    const days = buildDays(
      range.from,
      range.to,
      [
        // 00:30 GMT on Sunday 29 March, before the change at 01:00 UTC.
        item('sun-early', '2026-03-29T00:30:00Z'),
        // 10:00 BST on Sunday is 09:00 UTC.
        item('sun-ten', '2026-03-29T09:00:00Z'),
        // 23:30 UTC on Sunday is already 00:30 BST on Monday 30 March: next week.
        item('mon-early', '2026-03-29T23:30:00Z'),
        item('tue', '2026-03-24T10:00:00Z'),
      ],
      '2026-03-26',
    );
    expect(days.map((d) => d.date)).toEqual([
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
    ]);
    expect(days[6].items.map((i) => i.id)).toEqual(['sun-early', 'sun-ten']);
    expect(days[1].items.map((i) => i.id)).toEqual(['tue']);
    expect(days.filter((d) => d.isToday).map((d) => d.date)).toEqual(['2026-03-26']);
    expect(days.flatMap((d) => d.items).map((i) => i.id)).not.toContain('mon-early');
  });

  it('runs Monday to Sunday in the week the clocks go back (last Sunday of October)', () => {
    const range = viewRange('week', '2026-10-25');
    expect(range).toEqual({ from: '2026-10-19', to: '2026-10-25' });
    const days = buildDays(
      range.from,
      range.to,
      [
        // The first 01:30 (BST), then the second (GMT), then late on Sunday evening (GMT).
        item('first-0130', '2026-10-25T00:30:00Z'),
        item('second-0130', '2026-10-25T01:30:00Z'),
        item('late', '2026-10-25T23:30:00Z'),
        // 23:30 UTC on Saturday is 00:30 BST on Sunday.
        item('sat-night', '2026-10-24T23:30:00Z'),
      ],
      '2026-10-20',
    );
    expect(days).toHaveLength(7);
    expect(days[6].items.map((i) => i.id)).toEqual(['sat-night', 'first-0130', 'second-0130', 'late']);
    expect(days[5].items).toEqual([]);
  });

  it('steps a week at a time across the change', () => {
    expect(shiftAnchor('week', '2026-03-26', 1)).toBe('2026-04-02');
    expect(shiftAnchor('week', '2026-11-01', -1)).toBe('2026-10-25');
  });
});

describe('calendar months', () => {
  it('shows whole weeks around the month: March 2026 starts on a Sunday', () => {
    const range = viewRange('month', '2026-03-17');
    expect(range).toEqual({ from: '2026-02-23', to: '2026-04-05' });
    const days = buildDays(range.from, range.to, [], '2026-03-17', '2026-03-17');
    const weeks = weeksOf(days);
    expect(weeks).toHaveLength(6);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(days.filter((d) => d.inMonth)).toHaveLength(31);
    expect(weeks[0][6]).toMatchObject({ date: '2026-03-01', inMonth: true });
    expect(weeks[0][0]).toMatchObject({ date: '2026-02-23', inMonth: false });
  });

  it('places October’s items on their London days, with the long Sunday in the grid once', () => {
    const range = viewRange('month', '2026-10-01');
    expect(range).toEqual({ from: '2026-09-28', to: '2026-11-01' });
    const days = buildDays(
      range.from,
      range.to,
      [item('x', '2026-10-25T23:30:00Z')],
      '2026-10-01',
      '2026-10-01',
    );
    expect(days.filter((d) => d.date === '2026-10-25')).toHaveLength(1);
    expect(days.find((d) => d.date === '2026-10-25')?.items).toHaveLength(1);
  });

  it('moves to the first of the next or previous month, across a year', () => {
    expect(shiftAnchor('month', '2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftAnchor('month', '2026-01-31', -1)).toBe('2025-12-01');
    expect(shiftAnchor('month', '2026-03-31', -1)).toBe('2026-02-01');
  });
});

describe('the calendar address', () => {
  it('keeps only values that make sense', () => {
    expect(
      parseCalendarParams(new URLSearchParams('view=month&date=2026-02-29&advocate=x'), '2026-03-03'),
    ).toEqual({
      view: 'month',
      anchor: '2026-03-03',
      advocateId: null,
    });
    expect(
      parseCalendarParams(
        new URLSearchParams('date=2026-03-10&advocate=0139c785-b29f-4975-b1b7-76bdbe228e00'),
        '2026-03-03',
      ),
    ).toEqual({ view: 'week', anchor: '2026-03-10', advocateId: '0139c785-b29f-4975-b1b7-76bdbe228e00' });
  });

  it('says a visit planned and over was not logged', () => {
    const now = new Date('2026-03-03T12:00:00Z');
    expect(isUnlogged(item('v', '2026-03-03T10:00:00Z', { endsAt: '2026-03-03T11:00:00Z' }), now)).toBe(true);
    expect(isUnlogged(item('v', '2026-03-03T12:30:00Z', { endsAt: '2026-03-03T13:00:00Z' }), now)).toBe(
      false,
    );
    expect(isUnlogged(item('m', '2026-03-03T10:00:00Z', { type: 'MEETING', status: null }), now)).toBe(false);
  });
});

describe('the range heading', () => {
  it('names the week or the month as people write them', () => {
    expect(rangeLabel('week', '2026-03-26')).toBe('23–29 March 2026');
    expect(rangeLabel('week', '2026-04-01')).toBe('30 March – 5 April 2026');
    expect(rangeLabel('week', '2026-12-31')).toBe('28 December 2026 – 3 January 2027');
    expect(rangeLabel('month', '2026-10-25')).toBe('October 2026');
  });
});

describe('calendar entries', () => {
  it('names a visit by its ward, with the hospital beside it, and a meeting by its title', () => {
    expect(
      describeItem({ type: 'VISIT', title: 'Ward visit: Ashby Ward, Bradgate Mental Health Unit' }),
    ).toEqual({
      title: 'Ashby Ward',
      detail: 'Bradgate Mental Health Unit',
    });
    expect(describeItem({ type: 'MEETING', title: 'Tribunal hearing: Ann Bell' })).toEqual({
      title: 'Tribunal hearing: Ann Bell',
      detail: null,
    });
  });
});

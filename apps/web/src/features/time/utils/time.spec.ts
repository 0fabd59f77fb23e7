import type { WeeklyTime } from '../api/get-weekly-time';
import { advocateTotals, defaultTimeRange, sumMinutes, weekRows, weeksIn } from './time';

function row(advocate: string, weekStarting: string, casework: number, visits: number): WeeklyTime {
  return {
    advocateId: advocate,
    advocateName: advocate === 'sam' ? 'Sam Taylor' : 'Jordan Reid',
    weekStarting,
    caseworkMinutes: casework,
    visitMinutes: visits,
    totalMinutes: casework + visits,
  };
}

describe('weekly time', () => {
  it('defaults to this week and the three before, Monday first', () => {
    expect(defaultTimeRange('2026-03-29')).toEqual({ from: '2026-03-02', to: '2026-03-29' });
  });

  it('lists every week the range touches, through the clock change', () => {
    expect(weeksIn('2026-03-25', '2026-04-01')).toEqual(['2026-03-23', '2026-03-30']);
    expect(weeksIn('2026-10-19', '2026-10-26')).toEqual(['2026-10-19', '2026-10-26']);
  });

  it('fills weeks with nothing in them, and adds up several advocates', () => {
    const rows = weekRows(
      [row('sam', '2026-03-02', 30, 90), row('jordan', '2026-03-02', 15, 0), row('sam', '2026-03-16', 0, 75)],
      '2026-03-02',
      '2026-03-22',
    );
    expect(rows).toEqual([
      { weekStarting: '2026-03-02', caseworkMinutes: 45, visitMinutes: 90, totalMinutes: 135 },
      { weekStarting: '2026-03-09', caseworkMinutes: 0, visitMinutes: 0, totalMinutes: 0 },
      { weekStarting: '2026-03-16', caseworkMinutes: 0, visitMinutes: 75, totalMinutes: 75 },
    ]);
    expect(sumMinutes(rows)).toEqual({ caseworkMinutes: 45, visitMinutes: 165, totalMinutes: 210 });
  });

  it('totals each advocate over the range, by name, with their average week', () => {
    const totals = advocateTotals(
      [row('sam', '2026-03-02', 30, 90), row('jordan', '2026-03-02', 15, 0), row('sam', '2026-03-16', 0, 75)],
      3,
    );
    expect(totals).toEqual([
      {
        advocateId: 'jordan',
        advocateName: 'Jordan Reid',
        caseworkMinutes: 15,
        visitMinutes: 0,
        totalMinutes: 15,
        weeklyAverage: 5,
      },
      {
        advocateId: 'sam',
        advocateName: 'Sam Taylor',
        caseworkMinutes: 30,
        visitMinutes: 165,
        totalMinutes: 195,
        weeklyAverage: 65,
      },
    ]);
  });
});

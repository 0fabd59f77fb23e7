import { auditExportFilename, auditExportQuery } from './export';

const today = '2026-05-12';
const person = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

describe('auditExportQuery', () => {
  it('sends the filters of the list, without the empty ones', () => {
    expect(
      auditExportQuery({
        clientId: person,
        entityType: ' ',
        entityId: undefined,
        actorId: '',
        from: '2026-02-28T23:00:00.000Z',
        to: '2026-03-31T23:00:00.000Z',
      }),
    ).toEqual({ clientId: person, from: '2026-02-28T23:00:00.000Z', to: '2026-03-31T23:00:00.000Z' });
    expect(auditExportQuery({})).toEqual({});
  });
});

describe('auditExportFilename', () => {
  it('names an unfiltered export by its day', () => {
    expect(auditExportFilename({}, today)).toBe('beacon-audit-2026-05-12.csv');
    expect(auditExportFilename({ entityType: '', clientId: '' }, today)).toBe('beacon-audit-2026-05-12.csv');
  });

  it('names the person by their record id, never a name', () => {
    expect(auditExportFilename({ clientId: person }, today)).toBe(
      'beacon-audit-person-1a2b3c4d-2026-05-12.csv',
    );
  });

  it('names the period, open ends included', () => {
    expect(auditExportFilename({ from: '2026-03-01', to: '2026-03-31' }, today)).toBe(
      'beacon-audit-2026-03-01-to-2026-03-31.csv',
    );
    expect(auditExportFilename({ from: '2026-03-01' }, today)).toBe(
      'beacon-audit-2026-03-01-to-2026-05-12.csv',
    );
    expect(auditExportFilename({ to: '2026-03-31' }, today)).toBe('beacon-audit-start-to-2026-03-31.csv');
  });

  it('keeps every filter in a safe file name', () => {
    expect(
      auditExportFilename(
        {
          entityType: 'Referral / Note',
          entityId: 'ABCDEF12-0000',
          actorId: '99999999-aaaa-bbbb-cccc-dddddddddddd',
          clientId: person,
          from: '2026-03-01',
        },
        today,
      ),
    ).toBe('beacon-audit-person-1a2b3c4d-referral-note-abcdef12-actor-99999999-2026-03-01-to-2026-05-12.csv');
  });
});

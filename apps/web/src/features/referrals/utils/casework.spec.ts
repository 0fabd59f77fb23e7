import {
  EMPTY_MEETING,
  NOTE_MAX,
  attendeeList,
  characterCount,
  characterCountText,
  mayAmend,
  timelineEntries,
  toAmendBody,
  toCreateMeetingBody,
  toCreateNoteBody,
  toCreateRecordsAccessBody,
  validateAmend,
  validateMeeting,
  validateNote,
  validateRecordsAccess,
  type Note,
  type TimelineItem,
} from './casework';

const sam = { id: 'sam', displayName: 'Sam Taylor' };

describe('case notes', () => {
  it('counts characters as people do and says how many are left', () => {
    expect(characterCount('a🙂b')).toBe(3);
    expect(characterCountText('')).toBe('20,000 characters left of 20,000');
    expect(characterCountText('x'.repeat(19_999))).toBe('1 character left of 20,000');
    expect(characterCountText('x'.repeat(NOTE_MAX + 12))).toBe(
      '12 characters too many (the limit is 20,000)',
    );
  });

  it('sends the kind, the trimmed body and the minutes only when given', () => {
    expect(toCreateNoteBody({ kind: 'CONTACT', minutes: ' 25 ', body: '  Phoned Ann.  ' })).toEqual({
      kind: 'CONTACT',
      body: 'Phoned Ann.',
      minutesSpent: 25,
    });
    expect(toCreateNoteBody({ kind: 'ADMIN', minutes: '', body: 'Filed the letter.' })).toEqual({
      kind: 'ADMIN',
      body: 'Filed the letter.',
    });
  });

  it('asks for a kind and a body, within the limit, and whole minutes', () => {
    expect(validateNote({ kind: '', minutes: 'half an hour', body: ' ' }).map((e) => e.field)).toEqual([
      'kind',
      'body',
      'minutesSpent',
    ]);
    expect(validateNote({ kind: 'OTHER', minutes: '', body: 'x'.repeat(NOTE_MAX + 1) })).toEqual([
      { field: 'body', message: 'must be at most 20,000 characters' },
    ]);
    expect(validateNote({ kind: 'OTHER', minutes: '0', body: 'x'.repeat(NOTE_MAX) })).toEqual([]);
  });

  it('amends with a reason and the version read, and only with a change', () => {
    expect(toAmendBody({ body: ' New text ', reason: ' Typo ' }, 3)).toEqual({
      body: 'New text',
      reason: 'Typo',
      version: 3,
    });
    expect(validateAmend({ body: 'Same', reason: '' }, 'Same ').map((e) => e.field)).toEqual([
      'body',
      'reason',
    ]);
    expect(validateAmend({ body: 'Changed', reason: 'Added the outcome' }, 'Same')).toEqual([]);
  });

  it('lets the author or a manager amend, nobody else', () => {
    const note = { createdBy: sam };
    expect(mayAmend(note, { id: 'sam', roles: ['ADVOCATE'] })).toBe(true);
    expect(mayAmend(note, { id: 'jordan', roles: ['ADVOCATE'] })).toBe(false);
    expect(mayAmend(note, { id: 'priya', roles: ['MANAGER'] })).toBe(true);
  });
});

describe('meetings', () => {
  it('sends the start as an instant from UK time, attendees one a line, and no blank outcome', () => {
    const body = toCreateMeetingBody({
      ...EMPTY_MEETING,
      kind: 'TRIBUNAL',
      startsAt: '2026-07-01T10:00',
      durationMinutes: '90',
      location: ' Tribunal room ',
      inPrivate: true,
      attendees: 'Client\n\n Responsible clinician , Advocate\n',
      outcome: '  ',
    });
    expect(body).toEqual({
      kind: 'TRIBUNAL',
      startsAt: '2026-07-01T09:00:00.000Z',
      durationMinutes: 90,
      location: 'Tribunal room',
      inPrivate: true,
      attendees: ['Client', 'Responsible clinician', 'Advocate'],
    });
    expect(
      toCreateMeetingBody({
        ...EMPTY_MEETING,
        kind: 'OTHER',
        startsAt: '2026-12-01T10:00',
        durationMinutes: '',
      }),
    ).not.toHaveProperty('durationMinutes');
  });

  it('names what is missing', () => {
    expect(validateMeeting({ ...EMPTY_MEETING, durationMinutes: '0' }).map((e) => e.field)).toEqual([
      'kind',
      'startsAt',
      'durationMinutes',
      'location',
    ]);
    expect(attendeeList(Array.from({ length: 31 }, (_, i) => `P${i}`).join('\n'))).toHaveLength(31);
  });
});

describe('records access', () => {
  const draft = {
    recordsDescription: ' Medication chart ',
    basis: 'CONSENT' as const,
    heldBy: 'LPT',
    accessedOn: '2026-03-02',
  };

  it('sends the trimmed answers', () => {
    expect(toCreateRecordsAccessBody(draft)).toEqual({
      recordsDescription: 'Medication chart',
      basis: 'CONSENT',
      heldBy: 'LPT',
      accessedOn: '2026-03-02',
    });
  });

  it('needs every answer, and no day in the future', () => {
    expect(validateRecordsAccess(draft, '2026-03-03')).toEqual([]);
    expect(validateRecordsAccess(draft, '2026-03-01')).toEqual([
      { field: 'accessedOn', message: 'must not be in the future' },
    ]);
    expect(
      validateRecordsAccess(
        { recordsDescription: '', basis: '', heldBy: ' ', accessedOn: '' },
        '2026-03-03',
      ).map((e) => e.field),
    ).toEqual(['recordsDescription', 'basis', 'heldBy', 'accessedOn']);
  });
});

describe('the timeline', () => {
  const item = (id: string, at: string, type: TimelineItem['type'] = 'STATUS'): TimelineItem => ({
    type,
    id,
    at,
    by: sam,
    title: id,
    text: null,
  });

  it('lists the case newest first, each note with its versions', () => {
    const note = { id: 'n1', version: 2, versions: [] } as unknown as Note;
    const entries = timelineEntries(
      [
        item('received', '2026-03-01T09:00:00Z'),
        item('n1', '2026-03-03T09:00:00Z', 'NOTE'),
        item('allocated', '2026-03-02T09:00:00Z'),
      ],
      [note],
    );
    expect(entries.map((e) => e.item.id)).toEqual(['n1', 'allocated', 'received']);
    expect(entries[0].note).toBe(note);
    expect(entries[1].note).toBeUndefined();
  });
});

import { escapeText, foldLine, icalendar } from './ical';

describe('icalendar', () => {
  it('writes UTC times, escaped text and CRLF line endings', () => {
    const text = icalendar(
      'Sam Taylor: ward visits',
      [
        {
          uid: 'v1@beacon',
          start: new Date('2026-03-29T09:00:00Z'),
          end: new Date('2026-03-29T10:30:00Z'),
          summary: 'Ward visit: Ward 3, Bradgate Unit',
          location: 'Bradgate Unit; Glenfield',
        },
      ],
      new Date('2026-03-01T12:00:00Z'),
    );
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text).toContain('DTSTART:20260329T090000Z\r\n');
    expect(text).toContain('DTEND:20260329T103000Z\r\n');
    expect(text).toContain('SUMMARY:Ward visit: Ward 3\\, Bradgate Unit\r\n');
    expect(text).toContain('LOCATION:Bradgate Unit\\; Glenfield\r\n');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('escapes backslashes and new lines', () => {
    expect(escapeText('a\\b\nc')).toBe('a\\\\b\\nc');
  });

  it('folds lines longer than 75 octets without splitting a character', () => {
    const folded = foldLine('SUMMARY:' + 'é'.repeat(60));
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(
      folded
        .split('\r\n')
        .map((l, i) => (i ? l.slice(1) : l))
        .join(''),
    ).toBe('SUMMARY:' + 'é'.repeat(60));
  });
});

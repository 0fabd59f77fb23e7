import { QR_QUIET_ZONE, qrPath } from './qr';

/** Which unit squares a path covers, read back from its rectangles. */
function covered(path: string): Set<string> {
  const cells = new Set<string>();
  for (const [, x, y, width] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let i = 0; i < Number(width); i++) cells.add(`${Number(y)},${Number(x) + i}`);
  }
  return cells;
}

describe('qrPath', () => {
  const grid = ['#.##', '....', '####', '.#.#'];
  const isDark = (row: number, col: number) => grid[row][col] === '#';

  it('draws each run of dark modules in a row as one rectangle, inside the quiet zone', () => {
    expect(qrPath(4, isDark)).toBe('M4 4h1v1h-1zM6 4h2v1h-2zM4 6h4v1h-4zM5 7h1v1h-1zM7 7h1v1h-1z');
  });

  it('covers exactly the dark modules, shifted by the quiet zone', () => {
    const expected = new Set<string>();
    grid.forEach((line, row) =>
      [...line].forEach((cell, col) => {
        if (cell === '#') expected.add(`${row + QR_QUIET_ZONE},${col + QR_QUIET_ZONE}`);
      }),
    );
    expect(covered(qrPath(4, isDark))).toEqual(expected);
  });

  it('draws nothing for an all-light grid', () => {
    expect(qrPath(3, () => false)).toBe('');
  });
});

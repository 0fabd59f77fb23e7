import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Lists page by keyset, never by OFFSET (which reads and discards every row before the page). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.ts$/.test(name) && !/\.spec\.ts$/.test(name) ? [file] : [];
  });
}

describe('pagination', () => {
  it('uses no OFFSET, skip() or offset() anywhere in the API', () => {
    const root = path.resolve(__dirname, '..');
    const offenders = sources(root).filter((file) =>
      /\bOFFSET\s+(\d|\$|:)|\.skip\(|\.offset\(/i.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((file) => path.relative(root, file))).toEqual([]);
  });
});

import { prepared, runPrepared, sqlText } from './prepared';

describe('prepared statements', () => {
  it('names a statement by its text: the same text the same name, another text another', () => {
    const a = prepared('SELECT 1 WHERE $1::int = 1');
    expect(prepared('SELECT 1 WHERE $1::int = 1')).toEqual(a);
    expect(prepared('SELECT 2 WHERE $1::int = 1').name).not.toBe(a.name);
    // PostgreSQL truncates identifiers at 63 bytes: names must be shorter, and distinct before that.
    expect(a.name.length).toBeLessThan(63);
    expect(a.name).toMatch(/^beacon_[0-9a-f]{24}$/);
  });

  it('hands pg a named query config with the values, through the runner', async () => {
    const calls: unknown[][] = [];
    const runner = { query: async (...args: unknown[]) => (calls.push(args), [{ ok: 1 }]) };
    const statement = prepared('SELECT $1::int AS ok');
    await expect(runPrepared(runner, statement, [1])).resolves.toEqual([{ ok: 1 }]);
    expect(calls).toEqual([[{ name: statement.name, text: statement.text, values: [1] }, [1]]]);
    expect(sqlText(calls[0][0] as { text: string })).toBe('SELECT $1::int AS ok');
    expect(sqlText('SELECT 1')).toBe('SELECT 1');
  });
});

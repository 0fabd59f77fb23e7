import { clientSearchQuery } from './client-queries';

const manager = { id: '11111111-1111-4111-8111-111111111111', roles: ['MANAGER'] as const };
const advocate = { id: '22222222-2222-4222-8222-222222222222', roles: ['ADVOCATE'] as const };

describe('clientSearchQuery', () => {
  it('tells a reference, an NHS number and a name apart', () => {
    expect(clientSearchQuery(manager, 'ref-2026-000123', 50, null)).toMatchObject({
      kind: 'reference',
      values: ['REF-2026-000123'],
    });
    expect(clientSearchQuery(manager, '943 476 5919', 50, null)).toMatchObject({
      kind: 'nhs-number',
      values: ['9434765919'],
    });
    expect(clientSearchQuery(manager, 'Wal_ker%', 50, null)).toMatchObject({
      kind: 'name',
      values: ['%wal\\_ker\\%%'],
    });
    expect(clientSearchQuery(manager, undefined, 50, null)).toMatchObject({ kind: 'all', values: [] });
  });

  it('orders by an expression for names of three characters or more (the trigram index), by the name index otherwise', () => {
    expect(clientSearchQuery(manager, 'walk', 50, null).text).toContain("ORDER BY c.last_name_key || ''");
    expect(clientSearchQuery(manager, 'wa', 50, null).text).toContain(
      'ORDER BY c.last_name_key, c.first_name_key',
    );
  });

  it('limits an advocate to their clients, and continues after the cursor', () => {
    const sql = clientSearchQuery(advocate, 'walk', 20, ['walker', 'anna', advocate.id]);
    expect(sql.text).toContain('(c.last_name_key, c.first_name_key, c.id) > ($2, $3, $4)');
    expect(sql.text).toContain('(c.created_by = $5 OR EXISTS');
    expect(sql.values).toEqual(['%walk%', 'walker', 'anna', advocate.id, advocate.id]);
    expect(sql.text).toContain('LIMIT 21');
  });
});

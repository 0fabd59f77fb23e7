import { referralListQuery, referralReadQuery, type ReferralListFilters } from './referral-queries';

const manager = { id: '11111111-1111-4111-8111-111111111111', roles: ['MANAGER'] as const };
const advocate = { id: '22222222-2222-4222-8222-222222222222', roles: ['ADVOCATE'] as const };

describe('referralListQuery', () => {
  it('passes every value as a parameter, never in the SQL text', () => {
    const sql = referralListQuery(
      manager,
      { status: ['ACTIVE', 'CLOSED'], serviceType: 'IMHA', q: "O'Brien", receivedFrom: '2026-04-01' },
      50,
      ['2026-05-01T10:00:00.000Z', '33333333-3333-4333-8333-333333333333'],
    );
    for (const value of ['ACTIVE', 'CLOSED', 'IMHA', 'brien', '2026-04-01', '33333333']) {
      expect(sql.text).not.toContain(value);
    }
    expect(sql.values).toEqual([
      'ACTIVE',
      'CLOSED',
      'IMHA',
      '2026-04-01',
      "%o'brien%",
      new Date('2026-05-01T10:00:00.000Z'),
      '33333333-3333-4333-8333-333333333333',
    ]);
    expect(sql.text).toMatch(/\(r\.received_at, r\.id\) < \(\$6, \$7\)/);
    expect(sql.text).toMatch(/LIMIT 51$/);
  });

  it('limits an advocate to their own referrals, and nobody else', () => {
    const own = referralListQuery(advocate, {}, 10, null);
    expect(own.text).toContain('(r.allocated_advocate_id = $1 OR r.created_by = $1)');
    expect(own.values).toEqual([advocate.id]);
    expect(referralListQuery(manager, {}, 10, null).text).not.toContain('allocated_advocate_id =');
  });

  it('pages oldest first with the keyset turned round', () => {
    const sql = referralListQuery(manager, { order: 'oldest' }, 5, ['2026-05-01T10:00:00.000Z', advocate.id]);
    expect(sql.text).toContain('(r.received_at, r.id) > ($1, $2)');
    expect(sql.text).toContain('ORDER BY r.received_at ASC, r.id ASC');
  });

  it('is prepared only when no value can change its plan, at most 16 statements per connection', () => {
    const cursor = ['2026-05-01T10:00:00.000Z', advocate.id] as const;
    const names = new Set<string>();
    for (const filters of [
      {},
      { status: ['RECEIVED'] },
      { serviceType: 'IMHA' },
      { localAuthority: 'RUTLAND' },
    ] satisfies ReferralListFilters[])
      for (const order of ['newest', 'oldest'] as const)
        for (const after of [null, cursor]) {
          const sql = referralListQuery(manager, { ...filters, order }, 50, after);
          expect(sql.statement?.text).toBe(sql.text);
          names.add(sql.statement!.name);
          // The same shape with other values is the same statement.
          const other = referralListQuery(
            manager,
            { ...filters, order },
            50,
            after && ['2025-01-01T00:00:00.000Z', manager.id],
          );
          expect(other.statement?.name).toBe(sql.statement!.name);
        }
    expect(names.size).toBe(16);
    // A filter given as undefined (as the query DTO leaves them) is no filter.
    expect(
      referralListQuery(manager, { serviceType: undefined, status: [] }, 50, null).statement,
    ).not.toBeNull();
  });

  it('is planned for its values otherwise: own cases, another page size, several statuses or filters, search', () => {
    const unprepared = [
      referralListQuery(advocate, {}, 50, null),
      referralListQuery(manager, {}, 20, null),
      referralListQuery(manager, { status: ['RECEIVED', 'AWAITING_ALLOCATION'], order: 'oldest' }, 50, null),
      referralListQuery(manager, { status: ['ACTIVE'], serviceType: 'IMHA' }, 50, null),
      referralListQuery(manager, { advocateId: advocate.id }, 50, null),
      referralListQuery(manager, { q: 'smith' }, 50, null),
      referralListQuery(manager, { receivedFrom: '2026-04-01' }, 50, null),
    ];
    for (const sql of unprepared) expect(sql.statement).toBeNull();
  });

  it('refuses a limit that is not a positive whole number (it is written into the SQL)', () => {
    expect(() => referralListQuery(manager, {}, 0, null)).toThrow(RangeError);
    expect(() => referralListQuery(manager, {}, 1.5, null)).toThrow(RangeError);
  });
});

describe('referralReadQuery', () => {
  it('is one of two prepared statements: any case for managers, own cases for advocates', () => {
    const any = referralReadQuery(manager, 'id-1');
    const own = referralReadQuery(advocate, 'id-2');
    expect(any.values).toEqual(['id-1']);
    expect(own.values).toEqual(['id-2', advocate.id]);
    expect(own.statement.text).toContain('(r.allocated_advocate_id = $2 OR r.created_by = $2)');
    expect(any.statement.text).not.toContain('$2');
    expect(referralReadQuery(manager, 'id-3').statement).toBe(any.statement);
  });
});

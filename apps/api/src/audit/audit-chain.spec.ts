import { AuditContent, GENESIS_HASH, canonicalJson, chainHash } from './audit-chain';

const content: AuditContent = {
  id: '6f1c1f4e-0000-4000-8000-000000000001',
  at: new Date('2026-11-25T09:00:00.000Z'),
  actorId: null,
  action: 'user.create',
  entityType: 'user',
  entityId: 'u1',
  ip: '127.0.0.1',
  requestId: 'r1',
  details: { roles: ['ADMIN'], email: 'a@example.org' },
};

describe('audit chain hashing', () => {
  it('sorts keys at every depth and drops undefined values', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: undefined }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"z":1}]},"b":1}',
    );
  });

  it('gives the same hash for the same content whatever the key order', () => {
    const reordered = { ...content, details: { email: 'a@example.org', roles: ['ADMIN'] } };
    expect(chainHash(GENESIS_HASH, reordered)).toBe(chainHash(GENESIS_HASH, content));
  });

  it('changes the hash when any field or the previous hash changes', () => {
    const base = chainHash(GENESIS_HASH, content);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash('1'.repeat(64), content)).not.toBe(base);
    expect(chainHash(GENESIS_HASH, { ...content, action: 'user.update' })).not.toBe(base);
    expect(chainHash(GENESIS_HASH, { ...content, at: new Date('2026-11-25T09:00:00.001Z') })).not.toBe(base);
    expect(
      chainHash(GENESIS_HASH, { ...content, details: { roles: ['MANAGER'], email: 'a@example.org' } }),
    ).not.toBe(base);
  });
});

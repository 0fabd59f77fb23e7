import { communityReferral, imhaReferral } from './helpers/referral-fixtures';
import { startTestApp, type Session, type TestApp, type TestUser } from './helpers/test-app';

let t: TestApp;
let manager: Session;
let admin: Session;
let sam: TestUser;
let samSession: Session;
let jordanSession: Session;

beforeAll(async () => {
  t = await startTestApp();
  const [m, a, s, j] = await Promise.all([
    t.createUser(['MANAGER']),
    t.createUser(['ADMIN']),
    t.createUser(['ADVOCATE'], { displayName: 'Sam Taylor' }),
    t.createUser(['ADVOCATE'], { displayName: 'Jordan Reid' }),
  ]);
  sam = s;
  [manager, admin, samSession, jordanSession] = await Promise.all([m, a, s, j].map((u) => t.login(u.email)));
});
afterAll(() => t.close());

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field).sort();

/** A referral allocated to Sam, as the manager leaves it. */
async function samsCase(body: unknown = imhaReferral()) {
  const created = await t.request('POST', '/api/referrals', { token: manager.token, body });
  const accepted = await t.request('POST', `/api/referrals/${created.body.id}/triage`, {
    token: manager.token,
    body: { decision: 'ACCEPT', version: 1 },
  });
  const allocated = await t.request('POST', `/api/referrals/${created.body.id}/allocate`, {
    token: manager.token,
    body: { advocateId: sam.id, version: accepted.body.version },
  });
  expect(allocated.status).toBe(200);
  return allocated.body;
}

const getReferral = async (id: string) =>
  (await t.request('GET', `/api/referrals/${id}`, { token: manager.token })).body;

describe('case notes', () => {
  it('writes a note; a contact note is the first contact (ALLOCATED → ACTIVE)', async () => {
    const referral = await samsCase();
    const note = await t.request('POST', `/api/referrals/${referral.id}/notes`, {
      token: samSession.token,
      body: { body: 'Met on the ward; wants to appeal.', kind: 'CONTACT', minutesSpent: 45 },
    });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({
      kind: 'CONTACT',
      minutesSpent: 45,
      body: 'Met on the ward; wants to appeal.',
      version: 1,
      createdBy: { id: sam.id, displayName: 'Sam Taylor' },
    });
    expect(note.body.versions).toHaveLength(1);
    const after = await getReferral(referral.id);
    expect(after.status).toBe('ACTIVE');
    expect(after.firstContactAt).not.toBeNull();
    expect(after.history.at(-1)).toMatchObject({ action: 'RECORD_FIRST_CONTACT', actor: { id: sam.id } });
  });

  it('records one first contact when contact notes arrive at once, and writes every note', async () => {
    const referral = await samsCase();
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.request('POST', `/api/referrals/${referral.id}/notes`, {
          token: samSession.token,
          body: { body: `Contact ${i}`, kind: i % 2 ? 'CONTACT' : 'VISIT', minutesSpent: 10 },
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    const after = await getReferral(referral.id);
    expect(after.status).toBe('ACTIVE');
    expect(after.history.filter((e: { action: string }) => e.action === 'RECORD_FIRST_CONTACT')).toHaveLength(
      1,
    );
    const notes = await t.request('GET', `/api/referrals/${referral.id}/notes`, { token: samSession.token });
    expect(notes.body.items).toHaveLength(8);
  });

  it('an admin note does not count as contact', async () => {
    const referral = await samsCase();
    await t.request('POST', `/api/referrals/${referral.id}/notes`, {
      token: samSession.token,
      body: { body: 'Phoned the ward to book a visit.', kind: 'ADMIN' },
    });
    expect((await getReferral(referral.id)).status).toBe('ALLOCATED');
  });

  it('amends by adding a version with a reason; every version stays readable', async () => {
    const referral = await samsCase();
    const note = (
      await t.request('POST', `/api/referrals/${referral.id}/notes`, {
        token: samSession.token,
        body: { body: 'Tribunal on 3 March.', kind: 'OTHER' },
      })
    ).body;
    const amended = await t.request('POST', `/api/notes/${note.id}/amend`, {
      token: samSession.token,
      body: { body: 'Tribunal on 13 March.', reason: 'Wrong date', version: 1 },
    });
    expect(amended.status).toBe(200);
    expect(amended.body.body).toBe('Tribunal on 13 March.');
    expect(amended.body.version).toBe(2);
    expect(
      amended.body.versions.map((v: { body: string; reason: string | null }) => [v.body, v.reason]),
    ).toEqual([
      ['Tribunal on 3 March.', null],
      ['Tribunal on 13 March.', 'Wrong date'],
    ]);
    const stale = await t.request('POST', `/api/notes/${note.id}/amend`, {
      token: samSession.token,
      body: { body: 'x', reason: 'y', version: 1 },
    });
    expect(stale.status).toBe(409);
    const listed = await t.request('GET', `/api/referrals/${referral.id}/notes`, { token: manager.token });
    expect(listed.body.items[0].versions).toHaveLength(2);
  });

  it('refuses an empty or over-long note and an amendment without a reason, each named', async () => {
    const referral = await samsCase();
    const empty = await t.request('POST', `/api/referrals/${referral.id}/notes`, {
      token: samSession.token,
      body: { body: '   ', kind: 'CHAT', minutesSpent: -5 },
    });
    expect(empty.status).toBe(400);
    expect(fieldsOf(empty.body)).toEqual(['body', 'kind', 'minutesSpent']);
    const long = await t.request('POST', `/api/referrals/${referral.id}/notes`, {
      token: samSession.token,
      body: { body: 'x'.repeat(20_001), kind: 'OTHER' },
    });
    expect(long.status).toBe(400);
    expect(long.body.errors[0].message).toMatch(/20,000/);
    const exactly = await t.request('POST', `/api/referrals/${referral.id}/notes`, {
      token: samSession.token,
      body: { body: 'x'.repeat(20_000), kind: 'OTHER' },
    });
    expect(exactly.status).toBe(201);
    const noReason = await t.request('POST', `/api/notes/${exactly.body.id}/amend`, {
      token: samSession.token,
      body: { body: 'y', version: 1 },
    });
    expect(fieldsOf(noReason.body)).toEqual(['reason']);
  });

  it('answers 413 to an oversize body and changes nothing', async () => {
    const referral = await samsCase();
    const answer = await t.request('POST', `/api/referrals/${referral.id}/notes`, {
      token: samSession.token,
      body: { body: 'x'.repeat(2_000_000), kind: 'OTHER' },
    });
    expect(answer.status).toBe(413);
    const notes = await t.request('GET', `/api/referrals/${referral.id}/notes`, { token: manager.token });
    expect(notes.body.items).toEqual([]);
  });

  it('keeps notes and their versions in the database for good', async () => {
    const referral = await samsCase();
    const note = (
      await t.request('POST', `/api/referrals/${referral.id}/notes`, {
        token: samSession.token,
        body: { body: 'Kept.', kind: 'OTHER' },
      })
    ).body;
    await expect(
      t.dataSource.query(`UPDATE note_versions SET body = 'changed' WHERE note_id = $1`, [note.id]),
    ).rejects.toThrow(/append-only/);
    // Deleting is beyond the app's role; the owner is stopped by the trigger.
    await expect(t.dataSource.query(`DELETE FROM case_notes WHERE id = $1`, [note.id])).rejects.toThrow(
      /permission denied/,
    );
    await expect(t.ownerQuery(`DELETE FROM case_notes WHERE id = $1`, [note.id])).rejects.toThrow(
      /append-only/,
    );
  });

  it('follows the referral’s ownership: 404 for another advocate, reads and writes alike', async () => {
    const referral = await samsCase();
    const note = (
      await t.request('POST', `/api/referrals/${referral.id}/notes`, {
        token: samSession.token,
        body: { body: 'Private.', kind: 'OTHER' },
      })
    ).body;
    for (const [method, path, body] of [
      ['GET', `/api/referrals/${referral.id}/notes`, undefined],
      ['POST', `/api/referrals/${referral.id}/notes`, { body: 'x', kind: 'OTHER' }],
      ['POST', `/api/notes/${note.id}/amend`, { body: 'x', reason: 'y', version: 1 }],
      ['GET', `/api/referrals/${referral.id}/meetings`, undefined],
      ['GET', `/api/referrals/${referral.id}/timeline`, undefined],
      ['GET', `/api/referrals/${referral.id}/record-access`, undefined],
    ] as const) {
      expect((await t.request(method, path, { token: jordanSession.token, body })).status).toBe(404);
    }
    expect(
      (
        await t.request('GET', `/api/referrals/${referral.id}/notes`, {
          token: admin.token,
          headers: { 'x-access-reason': 'Checking the record for a complaint' },
        })
      ).status,
    ).toBe(200);
  });

  it('lets only the author or a manager amend', async () => {
    const created = await t.request('POST', '/api/referrals', {
      token: samSession.token,
      body: imhaReferral({ source: 'WARD_VISIT' }),
    });
    const managerNote = (
      await t.request('POST', `/api/referrals/${created.body.id}/notes`, {
        token: manager.token,
        body: { body: 'Triage note.', kind: 'ADMIN' },
      })
    ).body;
    const bySam = await t.request('POST', `/api/notes/${managerNote.id}/amend`, {
      token: samSession.token,
      body: { body: 'x', reason: 'y', version: 1 },
    });
    expect(bySam.status).toBe(403);
  });

  it('audits note writes and reads', async () => {
    const referral = await samsCase();
    const note = (
      await t.request('POST', `/api/referrals/${referral.id}/notes`, {
        token: samSession.token,
        body: { body: 'Audited.', kind: 'OTHER' },
      })
    ).body;
    await t.request('GET', `/api/referrals/${referral.id}/notes`, {
      token: admin.token,
      headers: { 'x-access-reason': 'Checking the record for a complaint' },
    });
    const rows = await t.dataSource.query(
      `SELECT action FROM audit_events WHERE entity_id = $1 OR (entity_id = $2 AND action = 'note.list') ORDER BY seq`,
      [note.id, referral.id],
    );
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['note.create', 'note.list']);
  });
});

describe('meetings', () => {
  it('records a meeting; a past meeting with the client is the first contact', async () => {
    const referral = await samsCase(
      imhaReferral({ receivedAt: new Date(Date.now() - 2 * 3_600_000).toISOString() }),
    );
    const startsAt = new Date(Date.now() - 30 * 60_000).toISOString();
    const meeting = await t.request('POST', `/api/referrals/${referral.id}/meetings`, {
      token: samSession.token,
      body: {
        kind: 'CLIENT_MEETING',
        startsAt,
        durationMinutes: 40,
        location: 'Ward 3 quiet room',
        inPrivate: true,
        attendees: ['Client', 'Sam Taylor'],
      },
    });
    expect(meeting.status).toBe(201);
    expect(meeting.body).toMatchObject({
      kind: 'CLIENT_MEETING',
      startsAt,
      inPrivate: true,
      attendees: ['Client', 'Sam Taylor'],
    });
    const after = await getReferral(referral.id);
    expect(after).toMatchObject({ status: 'ACTIVE', firstContactAt: startsAt });
  });

  it('a future meeting or one with professionals only is not contact', async () => {
    const referral = await samsCase();
    await t.request('POST', `/api/referrals/${referral.id}/meetings`, {
      token: samSession.token,
      body: {
        kind: 'CLIENT_MEETING',
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        location: 'Ward 3',
        inPrivate: true,
        attendees: [],
      },
    });
    await t.request('POST', `/api/referrals/${referral.id}/meetings`, {
      token: samSession.token,
      body: {
        kind: 'WARD_ROUND',
        startsAt: new Date().toISOString(),
        location: 'Ward 3',
        inPrivate: false,
        attendees: ['RC'],
      },
    });
    expect((await getReferral(referral.id)).status).toBe('ALLOCATED');
    const list = await t.request('GET', `/api/referrals/${referral.id}/meetings`, {
      token: samSession.token,
    });
    expect(list.body.items.map((m: { kind: string }) => m.kind)).toEqual(['WARD_ROUND', 'CLIENT_MEETING']);
  });

  it('refuses bad fields and meetings on a case that is not open', async () => {
    const referral = await samsCase();
    const bad = await t.request('POST', `/api/referrals/${referral.id}/meetings`, {
      token: samSession.token,
      body: {
        kind: 'PARTY',
        startsAt: 'tomorrow',
        durationMinutes: 0,
        location: '',
        inPrivate: 'yes',
        attendees: 'all',
      },
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual([
      'attendees',
      'durationMinutes',
      'inPrivate',
      'kind',
      'location',
      'startsAt',
    ]);
    const received = await t.request('POST', '/api/referrals', {
      token: manager.token,
      body: communityReferral(),
    });
    const answer = await t.request('POST', `/api/referrals/${received.body.id}/meetings`, {
      token: manager.token,
      body: {
        kind: 'OTHER',
        startsAt: new Date().toISOString(),
        location: 'Office',
        inPrivate: false,
        attendees: [],
      },
    });
    expect(answer.status).toBe(409);
  });
});

describe('records access (IMHA)', () => {
  it('logs an access on an IMHA referral and lists it', async () => {
    const referral = await samsCase();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    const created = await t.request('POST', `/api/referrals/${referral.id}/record-access`, {
      token: samSession.token,
      body: {
        recordsDescription: 'Medication chart',
        basis: 'CONSENT',
        heldBy: 'Leicestershire Partnership NHS Trust',
        accessedOn: today,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ basis: 'CONSENT', accessedOn: today, recordedBy: { id: sam.id } });
    const list = await t.request('GET', `/api/referrals/${referral.id}/record-access`, {
      token: samSession.token,
    });
    expect(list.body.items).toHaveLength(1);
  });

  it('answers 422 on other services and 400 for bad fields', async () => {
    const referral = await samsCase(communityReferral());
    const answer = await t.request('POST', `/api/referrals/${referral.id}/record-access`, {
      token: samSession.token,
      body: { recordsDescription: 'Notes', basis: 'CONSENT', heldBy: 'GP', accessedOn: '2026-01-01' },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.type).toBe('urn:beacon:problem:not-imha');
    const imha = await samsCase();
    const bad = await t.request('POST', `/api/referrals/${imha.id}/record-access`, {
      token: samSession.token,
      body: { recordsDescription: '', basis: 'ASKED_NICELY', heldBy: 'GP', accessedOn: '2999-01-01' },
    });
    expect(fieldsOf(bad.body)).toEqual(['accessedOn', 'basis', 'recordsDescription']);
  });
});

describe('timeline and time', () => {
  it('merges status history, notes, meetings and records access in order', async () => {
    const referral = await samsCase();
    await t.request('POST', `/api/referrals/${referral.id}/notes`, {
      token: samSession.token,
      body: { body: 'First call.', kind: 'CONTACT', minutesSpent: 20 },
    });
    await t.request('POST', `/api/referrals/${referral.id}/meetings`, {
      token: samSession.token,
      body: {
        kind: 'TRIBUNAL',
        startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        location: 'Tribunal',
        inPrivate: false,
        attendees: [],
      },
    });
    const timeline = await t.request('GET', `/api/referrals/${referral.id}/timeline`, {
      token: manager.token,
    });
    expect(timeline.status).toBe(200);
    const types = timeline.body.items.map((i: { type: string }) => i.type);
    expect(types).toEqual(['STATUS', 'STATUS', 'STATUS', 'NOTE', 'STATUS', 'MEETING']);
    const ats = timeline.body.items.map((i: { at: string }) => i.at);
    expect([...ats].sort()).toEqual(ats);
  });

  it('totals minutes per advocate per week; advocates see only their own', async () => {
    const referral = await samsCase();
    await t.request('POST', `/api/referrals/${referral.id}/notes`, {
      token: samSession.token,
      body: { body: 'Prepared for tribunal.', kind: 'OTHER', minutesSpent: 90 },
    });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    const mine = await t.request('GET', `/api/time/weekly?from=${today}&to=${today}`, {
      token: samSession.token,
    });
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({ advocateId: sam.id });
    expect(mine.body.items[0].caseworkMinutes).toBeGreaterThanOrEqual(90);
    const jordans = await t.request(
      'GET',
      `/api/time/weekly?from=${today}&to=${today}&advocateId=${sam.id}`,
      {
        token: jordanSession.token,
      },
    );
    expect(jordans.body.items).toEqual([]);
  });
});

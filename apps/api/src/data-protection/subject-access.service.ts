import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthorisationEntity } from '../authorisations/entities/authorisation.entity';
import { CaseNoteEntity } from '../casework/entities/case-note.entity';
import { MeetingEntity } from '../casework/entities/meeting.entity';
import { NoteVersionEntity } from '../casework/entities/note-version.entity';
import { RecordsAccessEntity } from '../casework/entities/records-access.entity';
import { ClientEntity } from '../clients/entities/client.entity';
import { notFound } from '../common/app.exception';
import type { RequestContext } from '../common/request-context';
import { ReferralEventEntity } from '../referrals/entities/referral-event.entity';
import { ReferralEntity } from '../referrals/entities/referral.entity';
import { displayNames } from '../referrals/referral-access';
import { ReferralSignpostEntity } from '../signposting/entities/referral-signpost.entity';
import type { SubjectAccessExportDto } from './subject-access.dto';

/** Internal columns that say nothing about the person (search keys). */
const OMIT = new Set(['firstNameKey', 'lastNameKey', 'searchName']);

function plain<T extends object>(row: T, names: ReadonlyMap<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (
      OMIT.has(key) ||
      (value !== null &&
        typeof value === 'object' &&
        !(value instanceof Date) &&
        !Array.isArray(value) &&
        'id' in value)
    )
      continue;
    out[key] = value instanceof Date ? value.toISOString() : value;
    // Staff are named, so the file reads without the user table.
    if (typeof value === 'string' && /(By|ActorId|actorId|AdvocateId)$/.test(key) && names.has(value)) {
      out[`${key}Name`] = names.get(value);
    }
  }
  return out;
}

/**
 * A subject access request (UK GDPR Art. 15): everything Beacon holds about one person, as one
 * JSON document: the client record, every referral with its history, signposting, notes (every
 * version), meetings and records access, and the carers' authorisations. Admins only; audited.
 */
@Injectable()
export class SubjectAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async export(ctx: RequestContext, clientId: string): Promise<SubjectAccessExportDto> {
    // One REPEATABLE READ snapshot, so the export is consistent across its queries. The audit
    // chain must be extended from its newest event, which such a snapshot may not see, so the
    // event is recorded in a READ COMMITTED transaction of its own, before anything is answered.
    const { document, referralIds } = await this.dataSource.transaction(
      'REPEATABLE READ',
      async (manager) => {
        const client = await manager.getRepository(ClientEntity).findOneBy({ id: clientId });
        if (!client) throw notFound('client');
        const referrals = await manager
          .getRepository(ReferralEntity)
          .find({ where: { clientId }, order: { receivedAt: 'ASC' } });
        const ids = referrals.map((r) => r.id);
        const where = { referralId: In(ids.length ? ids : ['00000000-0000-0000-0000-000000000000']) };
        const events = await manager.getRepository(ReferralEventEntity).find({ where, order: { at: 'ASC' } });
        const signposts = await manager.getRepository(ReferralSignpostEntity).find({ where });
        const notes = await manager
          .getRepository(CaseNoteEntity)
          .find({ where, order: { createdAt: 'ASC' } });
        const versions = notes.length
          ? await manager
              .getRepository(NoteVersionEntity)
              .find({ where: { noteId: In(notes.map((n) => n.id)) }, order: { version: 'ASC' } })
          : [];
        const meetings = await manager
          .getRepository(MeetingEntity)
          .find({ where, order: { startsAt: 'ASC' } });
        const access = await manager.getRepository(RecordsAccessEntity).find({ where });
        const authorisations = await manager
          .getRepository(AuthorisationEntity)
          .find({ where: { carerClientId: clientId } });
        const names = await displayNames(manager, [
          client.createdBy,
          ...referrals.flatMap((r) => [r.createdBy, r.allocatedAdvocateId]),
          ...events.map((e) => e.actorId),
          ...notes.map((n) => n.createdBy),
          ...versions.map((v) => v.createdBy),
          ...meetings.map((m) => m.createdBy),
          ...access.map((a) => a.recordedBy),
          ...authorisations.map((a) => a.recordedBy),
        ]);
        const exported: SubjectAccessExportDto = {
          exportedAt: new Date().toISOString(),
          about: 'Everything Beacon holds about this person (UK GDPR Article 15 subject access).',
          client: plain(client, names),
          referrals: referrals.map((r) => ({
            ...plain(r, names),
            history: events.filter((e) => e.referralId === r.id).map((e) => plain(e, names)),
            signposting: signposts.filter((s) => s.referralId === r.id).map((s) => plain(s, names)),
            notes: notes
              .filter((n) => n.referralId === r.id)
              .map((n) => ({
                ...plain(n, names),
                versions: versions.filter((v) => v.noteId === n.id).map((v) => plain(v, names)),
              })),
            meetings: meetings.filter((m) => m.referralId === r.id).map((m) => plain(m, names)),
            recordsAccess: access.filter((a) => a.referralId === r.id).map((a) => plain(a, names)),
          })),
          authorisations: authorisations.map((a) => plain(a, names)),
        };
        return { document: exported, referralIds: ids };
      },
    );
    await this.audit.recordAlone(ctx, {
      action: 'client.subject-access-export',
      entityType: 'client',
      entityId: clientId,
      details: { referrals: referralIds },
    });
    return document;
  }
}

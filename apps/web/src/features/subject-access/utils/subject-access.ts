import { fileSlug } from '../../../lib/download';

/**
 * The subject access export (GET /api/clients/:id/export) as the printable summary reads it. The
 * API documents no schema for it (its rows are the stored records, dates as ISO strings, staff
 * named in `…Name` fields beside their ids), so it is read defensively: a missing or odd field
 * shows as "not recorded" rather than breaking the page. The JSON file offered for download is
 * the API's answer itself, untouched.
 */

export interface SarPerson {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string | null;
  nhsNumber: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  localAuthority: string | null;
  createdAt: string | null;
  createdByName: string | null;
}

export interface SarEvent {
  id: string;
  at: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  actorName: string | null;
  reason: string | null;
}

export interface SarSignpost {
  id: string;
  name: string;
  note: string | null;
  createdAt: string | null;
}

export interface SarNoteVersion {
  version: number | null;
  body: string;
  reason: string | null;
  createdAt: string | null;
  createdByName: string | null;
}

export interface SarNote {
  id: string;
  kind: string | null;
  minutesSpent: number | null;
  createdAt: string | null;
  createdByName: string | null;
  versions: SarNoteVersion[];
}

export interface SarMeeting {
  id: string;
  kind: string | null;
  startsAt: string | null;
  durationMinutes: number | null;
  location: string | null;
  inPrivate: boolean | null;
  attendees: string[];
  outcome: string | null;
  createdByName: string | null;
}

export interface SarRecordsAccess {
  id: string;
  recordsDescription: string | null;
  basis: string | null;
  heldBy: string | null;
  accessedOn: string | null;
  recordedByName: string | null;
}

export interface SarReferrer {
  name: string | null;
  relationship: string | null;
  organisation: string | null;
  phone: string | null;
  email: string | null;
}

export interface SarReferral {
  id: string;
  reference: string;
  serviceType: string | null;
  source: string | null;
  status: string | null;
  priority: string | null;
  receivedAt: string | null;
  dueDate: string | null;
  firstContactAt: string | null;
  summary: string | null;
  issues: string[];
  eligible: boolean | null;
  eligibilityReasons: string[];
  allocatedAdvocateName: string | null;
  referrer: SarReferrer | null;
  declineReason: string | null;
  outcome: string | null;
  closureReason: string | null;
  closedAt: string | null;
  history: SarEvent[];
  signposting: SarSignpost[];
  notes: SarNote[];
  meetings: SarMeeting[];
  recordsAccess: SarRecordsAccess[];
}

export interface SarAuthorisation {
  id: string;
  authorisedName: string | null;
  authorisedRelationship: string | null;
  scope: string | null;
  givenOn: string | null;
  method: string | null;
  expiresOn: string | null;
  withdrawnAt: string | null;
  withdrawnByName: string | null;
  withdrawalReason: string | null;
  recordedByName: string | null;
}

export interface SubjectAccessExport {
  exportedAt: string | null;
  about: string | null;
  client: SarPerson;
  referrals: SarReferral[];
  authorisations: SarAuthorisation[];
}

type Row = Record<string, unknown>;

function row(value: unknown): Row {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Row) : {};
}

function rows(value: unknown): Row[] {
  return Array.isArray(value) ? value.map(row) : [];
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function number(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function flag(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.map(text).filter((v): v is string => v !== null) : [];
}

function id(value: Row, index: number, prefix: string): string {
  return text(value['id']) ?? `${prefix}-${index}`;
}

function parseEvent(value: Row, index: number): SarEvent {
  return {
    id: id(value, index, 'event'),
    at: text(value['at']),
    action: text(value['action']) ?? 'Unknown',
    fromStatus: text(value['fromStatus']),
    toStatus: text(value['toStatus']),
    actorName: text(value['actorIdName']),
    reason: text(value['reason']),
  };
}

function parseNote(value: Row, index: number): SarNote {
  return {
    id: id(value, index, 'note'),
    kind: text(value['kind']),
    minutesSpent: number(value['minutesSpent']),
    createdAt: text(value['createdAt']),
    createdByName: text(value['createdByName']),
    versions: rows(value['versions'])
      .map((v) => ({
        version: number(v['version']),
        body: typeof v['body'] === 'string' ? v['body'] : '',
        reason: text(v['reason']),
        createdAt: text(v['createdAt']),
        createdByName: text(v['createdByName']),
      }))
      .sort((a, b) => (a.version ?? 0) - (b.version ?? 0)),
  };
}

function parseReferrer(value: unknown): SarReferrer | null {
  if (!value || typeof value !== 'object') return null;
  const r = row(value);
  return {
    name: text(r['name']),
    relationship: text(r['relationship']),
    organisation: text(r['organisation']),
    phone: text(r['phone']),
    email: text(r['email']),
  };
}

function parseReferral(value: Row, index: number): SarReferral {
  return {
    id: id(value, index, 'referral'),
    reference: text(value['reference']) ?? 'Referral without a reference',
    serviceType: text(value['serviceType']),
    source: text(value['source']),
    status: text(value['status']),
    priority: text(value['priority']),
    receivedAt: text(value['receivedAt']),
    dueDate: text(value['dueDate']),
    firstContactAt: text(value['firstContactAt']),
    summary: text(value['summary']),
    issues: texts(value['issues']),
    eligible: flag(value['eligible']),
    eligibilityReasons: texts(value['eligibilityReasons']),
    allocatedAdvocateName: text(value['allocatedAdvocateIdName']),
    referrer: parseReferrer(value['referrer']),
    declineReason: text(value['declineReason']),
    outcome: text(value['outcome']),
    closureReason: text(value['closureReason']),
    closedAt: text(value['closedAt']),
    history: rows(value['history']).map(parseEvent),
    signposting: rows(value['signposting']).map((s, i) => ({
      id: id(s, i, 'signpost'),
      name: text(s['name']) ?? 'Unnamed service',
      note: text(s['note']),
      createdAt: text(s['createdAt']),
    })),
    notes: rows(value['notes']).map(parseNote),
    meetings: rows(value['meetings']).map((m, i) => ({
      id: id(m, i, 'meeting'),
      kind: text(m['kind']),
      startsAt: text(m['startsAt']),
      durationMinutes: number(m['durationMinutes']),
      location: text(m['location']),
      inPrivate: flag(m['inPrivate']),
      attendees: texts(m['attendees']),
      outcome: text(m['outcome']),
      createdByName: text(m['createdByName']),
    })),
    recordsAccess: rows(value['recordsAccess']).map((a, i) => ({
      id: id(a, i, 'records-access'),
      recordsDescription: text(a['recordsDescription']),
      basis: text(a['basis']),
      heldBy: text(a['heldBy']),
      accessedOn: text(a['accessedOn']),
      recordedByName: text(a['recordedByName']),
    })),
  };
}

export function parseSubjectAccess(raw: unknown): SubjectAccessExport {
  const data = row(raw);
  const client = row(data['client']);
  return {
    exportedAt: text(data['exportedAt']),
    about: text(data['about']),
    client: {
      id: text(client['id']) ?? '',
      firstName: text(client['firstName']) ?? '',
      lastName: text(client['lastName']) ?? '',
      dateOfBirth: text(client['dateOfBirth']),
      nhsNumber: text(client['nhsNumber']),
      phone: text(client['phone']),
      email: text(client['email']),
      address: text(client['address']),
      localAuthority: text(client['localAuthority']),
      createdAt: text(client['createdAt']),
      createdByName: text(client['createdByName']),
    },
    referrals: rows(data['referrals']).map(parseReferral),
    authorisations: rows(data['authorisations']).map((a, i) => ({
      id: id(a, i, 'authorisation'),
      authorisedName: text(a['authorisedName']),
      authorisedRelationship: text(a['authorisedRelationship']),
      scope: text(a['scope']),
      givenOn: text(a['givenOn']),
      method: text(a['method']),
      expiresOn: text(a['expiresOn']),
      withdrawnAt: text(a['withdrawnAt']),
      withdrawnByName: text(a['withdrawnByName']),
      withdrawalReason: text(a['withdrawalReason']),
      recordedByName: text(a['recordedByName']),
    })),
  };
}

/** `beacon-subject-access-1a2b3c4d-2026-05-12.json`: the record's id, not the person's name (downloads lists are not private). */
export function subjectAccessFilename(clientId: string, day: string): string {
  return `beacon-subject-access-${fileSlug(clientId).slice(0, 8) || 'person'}-${day}.json`;
}

/** How many things the export holds, for the summary line: "3 referrals, 12 notes, 4 meetings". */
export function exportCounts(data: SubjectAccessExport): {
  referrals: number;
  notes: number;
  meetings: number;
  recordsAccess: number;
  authorisations: number;
} {
  return {
    referrals: data.referrals.length,
    notes: data.referrals.reduce((sum, r) => sum + r.notes.length, 0),
    meetings: data.referrals.reduce((sum, r) => sum + r.meetings.length, 0),
    recordsAccess: data.referrals.reduce((sum, r) => sum + r.recordsAccess.length, 0),
    authorisations: data.authorisations.length,
  };
}

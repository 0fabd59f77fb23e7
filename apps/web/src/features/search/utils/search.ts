import { can, isFinalStatus, needsAccessReason, type ReferralStatus, type Role } from '@beacon/domain';
import type { ClientRecord } from '../../../lib/client-search';
import type { ReferralSummary } from '../../../lib/referrals';

/** The API searches from two characters, and takes at most a hundred. */
export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_MAX_LENGTH = 100;

/** A referral reference as the API stores it. */
export const REFERENCE = /^REF-\d{4}-\d{6}$/;
/** "ref 2026 123", "REF-2026-000123", "ref2026000123": a reference typed loosely. */
const LOOSE_REFERENCE = /^ref[\s-]*(\d{4})[\s-]*(\d{1,6})$/i;
/** "943 476 5919", "943-476-5919": an NHS number typed in groups. */
const GROUPED_DIGITS = /^[\d\s-]+$/;

/**
 * Global search is for those who do casework: managers and advocates. The API scopes what they
 * find to what they may open. Admins who do no casework would have to give a reason for every
 * search (break glass); they look people up in Subject access instead, so they get no search box.
 */
export function canSearch(roles: readonly Role[]): boolean {
  return (
    can(roles, 'referrals.list') &&
    can(roles, 'clients.list') &&
    !needsAccessReason(roles, 'referrals.list') &&
    !needsAccessReason(roles, 'clients.list')
  );
}

/**
 * What is typed, as the API should receive it: single spaces, trimmed, at most 100 characters; a
 * reference typed loosely in its stored form (a short number without leading zeros is padded, so
 * "ref 2026 123" finds REF-2026-000123); an NHS number in groups as its ten digits.
 */
export function normaliseQuery(text: string): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  const reference = LOOSE_REFERENCE.exec(plain);
  if (reference) {
    const [, year, number] = reference;
    if (number.length === 6 || !number.startsWith('0')) return `REF-${year}-${number.padStart(6, '0')}`;
  }
  if (GROUPED_DIGITS.test(plain)) {
    const digits = plain.replace(/\D/g, '');
    if (digits.length === 10) return digits;
  }
  return plain.slice(0, SEARCH_MAX_LENGTH).trim();
}

/** Whether a (normalised) query is long enough to send. */
export function isSearchable(query: string): boolean {
  return query.length >= SEARCH_MIN_LENGTH;
}

/** A name folded for comparison, as the API folds it: no accents, lower case, single spaces. */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

function fullName(person: { firstName: string; lastName: string }): string {
  return foldName(`${person.firstName} ${person.lastName}`);
}

function isOpen(referral: Pick<ReferralSummary, 'status'>): boolean {
  return !isFinalStatus(referral.status as ReferralStatus);
}

/**
 * Referrals in the order to show: the one whose reference was typed, then the person whose whole
 * name was typed, then open cases before closed or declined ones; otherwise as the API answered
 * (newest received first).
 */
export function rankReferrals(referrals: readonly ReferralSummary[], query: string): ReferralSummary[] {
  const reference = query.toUpperCase();
  const name = foldName(query);
  const score = (referral: ReferralSummary) => [
    referral.reference === reference ? 0 : 1,
    fullName(referral.client) === name ? 0 : 1,
    isOpen(referral) ? 0 : 1,
  ];
  return referrals
    .map((referral, index) => ({ referral, index, score: score(referral) }))
    .sort((a, b) => compareScores(a.score, b.score) || a.index - b.index)
    .map(({ referral }) => referral);
}

/** People in the order to show: whoever's whole name was typed first, then as the API answered. */
export function rankPeople(people: readonly ClientRecord[], query: string): ClientRecord[] {
  const name = foldName(query);
  return people
    .map((person, index) => ({ person, index, exact: fullName(person) === name ? 0 : 1 }))
    .sort((a, b) => a.exact - b.exact || a.index - b.index)
    .map(({ person }) => person);
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/**
 * The referral a person's result opens, among those at hand: an open one before a closed or
 * declined one, then the most recently received. Undefined when none of theirs is at hand.
 */
export function mostRelevantReferral(
  referrals: readonly ReferralSummary[],
  clientId: string,
): ReferralSummary | undefined {
  return referrals
    .filter((referral) => referral.client.id === clientId)
    .sort(
      (a, b) =>
        Number(isOpen(b)) - Number(isOpen(a)) ||
        (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0),
    )[0];
}

export type SearchOption =
  | { kind: 'referral'; id: string; referral: ReferralSummary }
  /** `referral`: the one this person's result opens, when it is among the results. */
  | { kind: 'person'; id: string; person: ClientRecord; referral?: ReferralSummary };

export interface SearchGroup {
  key: 'referrals' | 'people';
  label: string;
  options: SearchOption[];
}

export interface SearchResults {
  groups: SearchGroup[];
  /** Every option in the order the arrow keys move through them (the groups, one after the other). */
  options: SearchOption[];
}

/** Safe as an HTML id whatever the API's ids look like. */
function optionId(prefix: string, kind: string, id: string): string {
  return `${prefix}-${kind}-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/**
 * The results as the listbox shows them: "Referrals" then "People", each ranked, empty groups
 * left out. Each option has a unique element id (under `idPrefix`) for aria-activedescendant.
 */
export function groupResults(
  query: string,
  referrals: readonly ReferralSummary[],
  people: readonly ClientRecord[],
  idPrefix = 'search',
): SearchResults {
  const referralOptions: SearchOption[] = rankReferrals(referrals, query).map((referral) => ({
    kind: 'referral',
    id: optionId(idPrefix, 'referral', referral.id),
    referral,
  }));
  const personOptions: SearchOption[] = rankPeople(people, query).map((person) => ({
    kind: 'person',
    id: optionId(idPrefix, 'person', person.id),
    person,
    referral: mostRelevantReferral(referrals, person.id),
  }));
  const groups: SearchGroup[] = [
    { key: 'referrals' as const, label: 'Referrals', options: referralOptions },
    { key: 'people' as const, label: 'People', options: personOptions },
  ].filter((group) => group.options.length > 0);
  return { groups, options: groups.flatMap((group) => group.options) };
}

/** "2 referrals and 1 person found": what a screen reader hears when results arrive. */
export function resultsSummary(referrals: number, people: number): string {
  const parts = [
    referrals ? (referrals === 1 ? '1 referral' : `${referrals} referrals`) : null,
    people ? (people === 1 ? '1 person' : `${people} people`) : null,
  ].filter(Boolean);
  return parts.length ? `${parts.join(' and ')} found` : 'Nothing found';
}

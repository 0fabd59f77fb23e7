import type { Schemas } from '@beacon/api-client';
import { isOutOfScopeIssue, signpostingSuggestionsFor } from '@beacon/domain';

export type SignpostInput = Schemas['SignpostInput'];

/** The directory entries to preselect for a referral's out-of-scope issues, in suggestion order. */
export function suggestedServiceIds(
  directory: readonly { id: string; key: string }[],
  outOfScope: readonly string[],
): string[] {
  const keys = signpostingSuggestionsFor(outOfScope.filter(isOutOfScopeIssue));
  return keys.flatMap((key) => directory.filter((entry) => entry.key === key).map((entry) => entry.id));
}

/** What triage sends: each chosen directory entry, then a destination typed in, all with the one note. */
export function toSignpostInputs(
  serviceIds: readonly string[],
  otherName: string,
  note: string,
): SignpostInput[] {
  const trimmedNote = note.trim();
  const withNote = (signpost: SignpostInput): SignpostInput =>
    trimmedNote ? { ...signpost, note: trimmedNote } : signpost;
  const signposts = serviceIds.map((serviceId) => withNote({ serviceId }));
  if (otherName.trim()) signposts.push(withNote({ name: otherName.trim() }));
  return signposts;
}

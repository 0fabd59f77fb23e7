import { ISSUE_LABELS, SIGNPOSTING_SUGGESTIONS, isOutOfScopeIssue } from '@beacon/domain';
import { CheckboxGroup, TextArea, TextField } from '../../../components/fields';
import { Notice } from '../../../components/notice';
import { Loading } from '../../../components/status';
import { errorText } from '../../../lib/problems';
import type { SignpostingService } from '../../../lib/signposting';
import { QueryError } from '../../../components/query-error';

export interface SignpostingChoice {
  serviceIds: string[];
  other: string;
  note: string;
}

/** Why an entry is suggested: the out-of-scope issues it answers, in words. */
function suggestedFor(key: string, outOfScope: readonly string[]): string | undefined {
  const issues = outOfScope
    .filter(isOutOfScopeIssue)
    .filter((issue) => (SIGNPOSTING_SUGGESTIONS[issue] as readonly string[]).includes(key));
  return issues.length ? `Suggested: ${issues.map((issue) => ISSUE_LABELS[issue]).join(', ')}` : undefined;
}

/** Where the person was pointed: directory entries (suggestions ticked), somewhere else, and a note. */
export function SignpostingPicker({
  idPrefix,
  legend,
  hint,
  directory,
  outOfScope,
  value,
  error,
  onChange,
}: {
  idPrefix: string;
  legend: string;
  hint?: string;
  directory: {
    data?: SignpostingService[];
    isPending: boolean;
    error: unknown;
    isFetching?: boolean;
    refetch?: () => unknown;
  };
  outOfScope: readonly string[];
  value: SignpostingChoice;
  error?: string;
  onChange: (next: SignpostingChoice) => void;
}) {
  if (directory.isPending) return <Loading label="Loading the signposting directory…" />;
  if (!directory.data) {
    const { refetch } = directory;
    return refetch ? (
      <QueryError
        title="The signposting directory could not be loaded"
        query={{ error: directory.error, isFetching: directory.isFetching, refetch }}
      />
    ) : (
      <Notice tone="error" title="The signposting directory could not be loaded">
        <p>{errorText(directory.error)}</p>
      </Notice>
    );
  }
  return (
    <div className="subsection">
      <CheckboxGroup
        id={`${idPrefix}-services`}
        legend={legend}
        hint={hint}
        error={error}
        options={directory.data
          .map((entry) => ({ value: entry.id, label: entry.name, tag: suggestedFor(entry.key, outOfScope) }))
          // Suggestions first, then the rest of the directory by name.
          .sort((a, b) => Number(!a.tag) - Number(!b.tag))}
        stacked
        value={value.serviceIds}
        onChange={(serviceIds) => onChange({ ...value, serviceIds })}
      />
      <TextField
        id={`${idPrefix}-other`}
        label="Somewhere not in the list (optional)"
        autoComplete="off"
        maxLength={200}
        value={value.other}
        onChange={(event) => onChange({ ...value, other: event.target.value })}
      />
      <TextArea
        id={`${idPrefix}-note`}
        label="Note on the signposting (optional)"
        hint="For example: gave the phone number, or made the referral for them"
        rows={2}
        maxLength={1000}
        value={value.note}
        onChange={(event) => onChange({ ...value, note: event.target.value })}
      />
    </div>
  );
}

import {
  ELIGIBILITY_FACT_LABELS,
  ISSUE_LABELS,
  SERVICE_TYPE_LABELS,
  SIGNPOSTING_DIRECTORY_SEED,
  type SignpostingKey,
} from '@beacon/domain';
import { useQuery } from '@tanstack/react-query';
import { signpostingServicesQueryOptions } from '../../../lib/signposting';
import { factFieldId, previewEligibility, previewScope, type IntakeDraft } from '../utils/intake';

function focusField(id: string) {
  const element = document.getElementById(id);
  element?.scrollIntoView({ block: 'center' });
  element?.focus();
}

/** Directory names by key: the live directory where it is loaded, the seed's names otherwise. */
function useSignpostingNames(): (key: SignpostingKey) => string {
  const directory = useQuery(signpostingServicesQueryOptions());
  return (key) =>
    directory.data?.items.find((item) => item.key === key)?.name ??
    SIGNPOSTING_DIRECTORY_SEED.find((entry) => entry.key === key)?.name ??
    key;
}

/**
 * What the service would decide on what has been typed so far: the same domain rule the API runs
 * on submit, so the preview never disagrees with the referral it makes.
 */
export function EligibilityPreview({ draft, today }: { draft: IntakeDraft; today: string }) {
  const result = previewEligibility(draft, today);
  const scope = previewScope(draft.issues);
  const nameOf = useSignpostingNames();
  const decided = result !== null && result.missing.length === 0 && result.invalid.length === 0;
  // While undecided the reasons are only what is missing (listed as links) or not valid.
  const reasons = (result?.reasons ?? []).filter((reason) => decided || !/is needed to decide/.test(reason));
  const headline = !result
    ? 'Choose a service to see whether the person is eligible.'
    : !decided
      ? 'Not decided yet: some answers are still needed.'
      : result.eligible
        ? `Eligible for ${SERVICE_TYPE_LABELS[draft.serviceType as keyof typeof SERVICE_TYPE_LABELS]}`
        : `Not eligible for ${SERVICE_TYPE_LABELS[draft.serviceType as keyof typeof SERVICE_TYPE_LABELS]}`;

  return (
    <aside className="preview" aria-labelledby="preview-title">
      <h2 id="preview-title" className="preview__title">
        Preview
      </h2>
      <div className="preview__block">
        <h3 className="preview__heading">Eligibility</h3>
        <p
          className={[
            'preview__headline',
            decided ? (result.eligible ? 'preview__headline--ok' : 'preview__headline--no') : null,
          ]
            .filter(Boolean)
            .join(' ')}
          role="status"
          data-testid="eligibility-headline"
        >
          {headline}
        </p>
        {result && result.missing.length > 0 && (
          <>
            <p className="preview__label">Still needed:</p>
            <ul className="preview__list">
              {result.missing.map((fact) => (
                <li key={fact}>
                  <button
                    type="button"
                    className="button button--link"
                    onClick={() => focusField(factFieldId(fact, draft))}
                  >
                    {fact === 'localAuthority' ? 'Area' : ELIGIBILITY_FACT_LABELS[fact]}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        {reasons.length > 0 && (
          <>
            <p className="preview__label">{decided ? 'Because:' : 'Problems:'}</p>
            <ul className="preview__list">
              {reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </>
        )}
        {decided && !result.eligible && (
          <p className="preview__note">
            A referral that is not eligible can only be declined, with a reason.
          </p>
        )}
      </div>
      <div className="preview__block">
        <h3 className="preview__heading">Scope</h3>
        {draft.issues.length === 0 ? (
          <p className="muted">Choose the issues to see what the service covers.</p>
        ) : (
          <>
            {scope.inScope.length > 0 ? (
              <>
                <p className="preview__label">
                  <span className="tag tag--ok">In scope</span>
                </p>
                <ul className="preview__list">
                  {scope.inScope.map((issue) => (
                    <li key={issue}>{ISSUE_LABELS[issue]}</li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="preview__headline preview__headline--no">
                Nothing in scope: the referral can only be declined, with signposting.
              </p>
            )}
            {scope.outOfScope.length > 0 && (
              <>
                <p className="preview__label">
                  <span className="tag tag--warning">Out of scope</span>
                </p>
                <ul className="preview__list">
                  {scope.outOfScope.map((issue) => (
                    <li key={issue}>{ISSUE_LABELS[issue]}</li>
                  ))}
                </ul>
                <p className="preview__label">Signpost to:</p>
                <ul className="preview__list">
                  {scope.suggestions.map((key) => (
                    <li key={key}>{nameOf(key)}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </div>
    </aside>
  );
}

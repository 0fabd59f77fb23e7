import { REFERRAL_SOURCES, SOURCE_LABELS, isReferralSource } from '@beacon/domain';
import type { ReactNode } from 'react';
import { SelectField, TextField } from '../../../components/fields';
import { INTAKE_IDS, asksForReferrer, type IntakeDraft } from '../utils/intake';

type ErrorFor = (...fields: string[]) => string | undefined;

/**
 * Who made the referral and when it came in; the referrer's details for anyone but the person
 * themselves or an advocate who met them on a ward visit (`wardVisit` says which visit).
 */
export function SourceSection({
  draft,
  now,
  wardVisit,
  onSource,
  onReferrer,
  onReceivedAt,
  errorFor,
}: {
  draft: IntakeDraft;
  /** Now as a London "YYYY-MM-DDTHH:mm": the latest a referral can have been received. */
  now: string;
  wardVisit?: ReactNode;
  onSource: (source: IntakeDraft['source']) => void;
  onReferrer: (patch: Partial<IntakeDraft['referrer']>) => void;
  onReceivedAt: (receivedAt: string) => void;
  errorFor: ErrorFor;
}) {
  const { referrer } = draft;
  const set = (key: keyof IntakeDraft['referrer']) => (event: { target: { value: string } }) =>
    onReferrer({ [key]: event.target.value });
  const thirdParty = asksForReferrer(draft.source);

  return (
    <section className="form-section" aria-labelledby="intake-source-title">
      <h2 id="intake-source-title" className="section-title">
        Who made the referral
      </h2>
      <SelectField
        id={INTAKE_IDS.source}
        label="Source"
        value={draft.source}
        error={errorFor('source')}
        onChange={(event) => onSource(isReferralSource(event.target.value) ? event.target.value : '')}
      >
        <option value="">Choose who made the referral</option>
        {REFERRAL_SOURCES.map((value) => (
          <option key={value} value={value}>
            {SOURCE_LABELS[value]}
          </option>
        ))}
      </SelectField>
      {draft.source === 'WARD_VISIT' && wardVisit}
      <TextField
        id={INTAKE_IDS.receivedAt}
        label="Received"
        hint="When the referral reached the service, UK time. Change it when recording one that came in earlier."
        type="datetime-local"
        className="field--datetime"
        max={now}
        value={draft.receivedAt}
        error={errorFor('receivedAt')}
        onChange={(event) => onReceivedAt(event.target.value)}
      />
      {thirdParty && (
        <fieldset className="fieldset subsection">
          <legend className="field__label">The referrer</legend>
          <div className="field-row">
            <TextField
              id={INTAKE_IDS.referrerName}
              label="Referrer’s name"
              autoComplete="off"
              value={referrer.name}
              error={errorFor('referrer.name', 'referrer')}
              onChange={set('name')}
            />
            <TextField
              id={INTAKE_IDS.referrerRelationship}
              label="Relationship or role (optional)"
              hint="For example: daughter, ward nurse"
              autoComplete="off"
              value={referrer.relationship}
              error={errorFor('referrer.relationship')}
              onChange={set('relationship')}
            />
          </div>
          <TextField
            id={INTAKE_IDS.referrerOrganisation}
            label="Organisation (optional)"
            autoComplete="off"
            value={referrer.organisation}
            error={errorFor('referrer.organisation')}
            onChange={set('organisation')}
          />
          <div className="field-row">
            <TextField
              id={INTAKE_IDS.referrerPhone}
              label="Referrer’s phone (optional)"
              type="tel"
              autoComplete="off"
              value={referrer.phone}
              error={errorFor('referrer.phone')}
              onChange={set('phone')}
            />
            <TextField
              id={INTAKE_IDS.referrerEmail}
              label="Referrer’s email (optional)"
              type="email"
              spellCheck={false}
              autoComplete="off"
              value={referrer.email}
              error={errorFor('referrer.email')}
              onChange={set('email')}
            />
          </div>
        </fieldset>
      )}
    </section>
  );
}

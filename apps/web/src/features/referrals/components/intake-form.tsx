import { ProblemError, isProblem } from '@beacon/api-client';
import {
  FIRST_CONTACT_TARGET_DAYS,
  ISSUES,
  ISSUE_LABELS,
  PRIORITIES,
  PRIORITY_LABELS,
  SERVICE_TYPES,
  SERVICE_TYPE_LABELS,
  isOutOfScopeIssue,
  londonDate,
} from '@beacon/domain';
import { useMemo, useState, type FormEvent } from 'react';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/error-summary';
import { CheckboxGroup, RadioGroup, TextArea } from '../../../components/fields';
import { RestoredDraftNotice } from '../../../components/restored-draft-notice';
import { useFormProblems } from '../../../lib/problems';
import { londonDateTimeInput } from '../../../lib/format';
import { sameValues } from '../../../lib/drafts';
import { useDraft } from '../../../lib/use-draft';
import type { CreatedClient } from '../api/create-client';
import { useCreateReferral } from '../api/create-referral';
import type { Referral } from '../api/get-referral';
import {
  INTAKE_IDS,
  intakeFields,
  needsAuthorisation,
  toCreateReferralBody,
  validateIntake,
  type ClientRef,
  type IntakeDraft,
} from '../utils/intake';
import { prefixFieldErrors } from '../utils/problems';
import { AuthorisationSection } from './authorisation-section';
import { EligibilityPreview } from './eligibility-preview';
import { FactsSection } from './facts-section';
import { ImhaInformationSection } from './imha-information-section';
import { PersonSection } from './person-section';
import { SourceSection } from './source-section';
import { WardVisitNote } from './ward-visit-note';

const ISSUE_OPTIONS = ISSUES.map((issue) => ({
  value: issue,
  label: ISSUE_LABELS[issue],
  tag: isOutOfScopeIssue(issue) ? 'Not covered: signpost' : undefined,
}));

const SERVICE_HINTS: Record<(typeof SERVICE_TYPES)[number], string> = {
  IMHA: 'For patients detained or treated under the Mental Health Act',
  CARERS: 'For unpaid carers of someone with a mental health need',
  CARE_ACT: 'For people who would struggle to take part in social care assessment, planning or review',
  COMMUNITY: 'For residents who want to access or question their mental health care',
};

/**
 * A new referral: the service, the person, who referred them, their issues and the facts the
 * service's eligibility rule needs, with a live preview of the decision beside the form. The
 * answers are kept as a draft in this tab as they are given, so a session that ends part way
 * loses nothing: signing in again and coming back brings them back. Saving the referral clears it.
 */
export function IntakeForm({
  initial,
  visitDate,
  onCreated,
}: {
  initial: IntakeDraft;
  /** The day of the ward visit in `initial.visitId`, when the link says (it helps find the visit). */
  visitDate: string | null;
  onCreated: (referral: Referral) => void;
}) {
  const [today] = useState(() => londonDate());
  const [now] = useState(() => londonDateTimeInput());
  const saved = useDraft<IntakeDraft>(initial.visitId ? `intake.visit-${initial.visitId}` : 'intake', {
    initial,
    // The time received starts as "now" each time the form opens: on its own it is not a draft.
    isEmpty: (values) => sameValues({ ...values, receivedAt: '' }, { ...initial, receivedAt: '' }),
  });
  const { values: draft, setValues: setDraft } = saved;
  const [problem, setProblem] = useState<unknown>(null);
  const [created, setCreated] = useState<CreatedClient | null>(null);
  const create = useCreateReferral();
  const fields = useMemo(() => intakeFields(draft), [draft]);
  const { byField, summary } = useFormProblems(problem, fields);
  const errorFor = (...keys: string[]) => keys.map((key) => byField[key]).find(Boolean);

  const update = (patch: Partial<IntakeDraft>) => setDraft((previous) => ({ ...previous, ...patch }));
  const choose = (client: ClientRef | null) =>
    setDraft((previous) => ({
      ...previous,
      personMode: 'existing',
      client,
      authorisationId: '',
      // The person's area on record is the starting answer; it can be changed if they have moved.
      facts: client ? { ...previous.facts, localAuthority: client.localAuthority } : previous.facts,
    }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const problems = validateIntake(draft, today);
    if (problems.length) {
      setProblem(new ProblemError(400, { detail: 'Some answers are missing.', errors: problems }));
      return;
    }
    setProblem(null);
    create.mutate(toCreateReferralBody(draft), {
      onSuccess: (referral) => {
        saved.forget();
        onCreated(referral);
      },
      onError: setProblem,
    });
  }

  return (
    <div className="intake">
      <form className="form intake__form" onSubmit={submit} noValidate aria-label="New referral">
        <RestoredDraftNotice
          restored={saved.restored}
          onDiscard={() => {
            saved.discard();
            setCreated(null);
            setProblem(null);
          }}
        />
        <ErrorSummary
          items={summary}
          title={isProblem(problem, 422) ? 'The referral cannot be made yet' : 'There is a problem'}
        />
        <section className="form-section" aria-labelledby="intake-service-title">
          <h2 id="intake-service-title" className="section-title">
            Service
          </h2>
          <RadioGroup
            id="intake-service"
            legend="Which service is the referral for?"
            options={SERVICE_TYPES.map((value) => ({
              value,
              label: SERVICE_TYPE_LABELS[value],
              hint: SERVICE_HINTS[value],
            }))}
            value={draft.serviceType}
            error={errorFor('serviceType')}
            onChange={(serviceType) => update({ serviceType, authorisationId: '' })}
          />
        </section>

        <PersonSection
          draft={draft}
          created={created}
          errorFor={errorFor}
          onChoose={choose}
          onPerson={({ personMode, ...person }) =>
            setDraft((previous) => ({
              ...previous,
              ...(personMode ? { personMode, authorisationId: '' } : {}),
              person: { ...previous.person, ...person },
            }))
          }
        />

        <FactsSection
          draft={draft}
          errorFor={errorFor}
          onFacts={(patch) =>
            setDraft((previous) => ({ ...previous, facts: { ...previous.facts, ...patch } }))
          }
        />

        {draft.serviceType === 'IMHA' && (
          <ImhaInformationSection
            imha={draft.imha}
            today={today}
            errorFor={errorFor}
            onImha={(patch) =>
              setDraft((previous) => ({ ...previous, imha: { ...previous.imha, ...patch } }))
            }
          />
        )}

        <SourceSection
          draft={draft}
          now={now}
          wardVisit={<WardVisitNote visitId={draft.visitId} visitDate={visitDate} />}
          errorFor={errorFor}
          onSource={(source) => update({ source })}
          onReceivedAt={(receivedAt) => update({ receivedAt })}
          onReferrer={(patch) =>
            setDraft((previous) => ({ ...previous, referrer: { ...previous.referrer, ...patch } }))
          }
        />

        {needsAuthorisation(draft) && (
          <AuthorisationSection
            draft={draft}
            today={today}
            error={errorFor('authorisationId')}
            onChoose={(authorisationId) => update({ authorisationId })}
            onClientCreated={(client) => {
              setCreated(client);
              choose(client);
            }}
            onPersonProblem={(error) => setProblem(prefixFieldErrors(error, 'client.'))}
          />
        )}

        <section className="form-section" aria-labelledby="intake-issues-title">
          <h2 id="intake-issues-title" className="section-title">
            What they want help with
          </h2>
          <CheckboxGroup
            id="intake-issues"
            legend="Issues"
            hint="Choose all that apply. The service does not cover benefits, housing, child protection, debt or legal matters: those are signposted elsewhere."
            options={ISSUE_OPTIONS}
            value={draft.issues}
            error={errorFor('issues')}
            onChange={(issues) => update({ issues })}
          />
          <TextArea
            id={INTAKE_IDS.summary}
            label="Summary (optional)"
            hint="In the person’s words where possible: what they want to happen"
            value={draft.summary}
            maxLength={5000}
            error={errorFor('summary')}
            onChange={(event) => update({ summary: event.target.value })}
          />
          <RadioGroup
            id="intake-priority"
            legend="Priority"
            inline
            options={PRIORITIES.map((value) => ({
              value,
              label: PRIORITY_LABELS[value],
              hint: `first contact within ${FIRST_CONTACT_TARGET_DAYS[value]} days`,
            }))}
            value={draft.priority}
            error={errorFor('priority')}
            onChange={(priority) => update({ priority })}
          />
        </section>

        <div className="actions">
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? 'Saving the referral…' : 'Save referral'}
          </Button>
        </div>
      </form>
      <div className="intake__preview">
        <EligibilityPreview draft={draft} today={today} />
      </div>
    </div>
  );
}

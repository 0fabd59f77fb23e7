import {
  ELIGIBILITY_FACT_LABELS,
  LEGAL_STATUSES,
  LEGAL_STATUS_LABELS,
  LOCAL_AUTHORITIES,
  LOCAL_AUTHORITY_LABELS,
  isLegalStatus,
  isLocalAuthority,
} from '@beacon/domain';
import { Checkbox, RadioGroup, SelectField, TextField } from '../../../components/fields';
import { formatDate } from '../../../lib/format';
import { INTAKE_IDS, asksFor, dateOfBirthSource, type IntakeDraft, type YesNo } from '../utils/intake';

type ErrorFor = (...fields: string[]) => string | undefined;
type Facts = IntakeDraft['facts'];

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const;

/** The facts the chosen service's eligibility rule needs, and only those. */
export function FactsSection({
  draft,
  onFacts,
  errorFor,
}: {
  draft: IntakeDraft;
  onFacts: (patch: Partial<Facts>) => void;
  errorFor: ErrorFor;
}) {
  const { serviceType, facts } = draft;
  const asks = (fact: Parameters<typeof asksFor>[1]) => asksFor(serviceType, fact);
  const yesNo = (key: keyof Facts) => (value: Exclude<YesNo, ''>) => onFacts({ [key]: value });
  const dobSource = dateOfBirthSource(draft);

  return (
    <section className="form-section" aria-labelledby="intake-facts-title">
      <h2 id="intake-facts-title" className="section-title">
        Eligibility
      </h2>
      {!serviceType && <p className="muted">Choose a service first: the questions depend on it.</p>}
      <SelectField
        id={INTAKE_IDS.area}
        label="Area (local authority where the person lives)"
        value={facts.localAuthority}
        error={errorFor('facts.localAuthority', 'client.localAuthority')}
        onChange={(event) =>
          onFacts({ localAuthority: isLocalAuthority(event.target.value) ? event.target.value : '' })
        }
      >
        <option value="">Choose the area</option>
        {LOCAL_AUTHORITIES.map((value) => (
          <option key={value} value={value}>
            {LOCAL_AUTHORITY_LABELS[value]}
          </option>
        ))}
      </SelectField>
      {asks('legalStatus') && (
        <SelectField
          id={INTAKE_IDS.legalStatus}
          label={ELIGIBILITY_FACT_LABELS.legalStatus}
          value={facts.legalStatus}
          error={errorFor('facts.legalStatus')}
          onChange={(event) =>
            onFacts({ legalStatus: isLegalStatus(event.target.value) ? event.target.value : '' })
          }
        >
          <option value="">Choose the legal status</option>
          {LEGAL_STATUSES.map((value) => (
            <option key={value} value={value}>
              {LEGAL_STATUS_LABELS[value]}
            </option>
          ))}
        </SelectField>
      )}
      {asks('consideredForS57') && (
        <Checkbox
          id={INTAKE_IDS.s57}
          label={ELIGIBILITY_FACT_LABELS.consideredForS57}
          hint="Treatment such as psychosurgery: qualifies at any age"
          checked={facts.consideredForS57}
          error={errorFor('facts.consideredForS57')}
          onChange={(consideredForS57) => onFacts({ consideredForS57 })}
        />
      )}
      {asks('consideredForS58') && (
        <Checkbox
          id={INTAKE_IDS.s58}
          label={ELIGIBILITY_FACT_LABELS.consideredForS58}
          hint="Such as electro-convulsive therapy: qualifies only under 18, so the date of birth is needed"
          checked={facts.consideredForS58}
          error={errorFor('facts.consideredForS58')}
          onChange={(consideredForS58) => onFacts({ consideredForS58 })}
        />
      )}
      {asks('dateOfBirth') && dobSource === 'facts' && (
        <TextField
          id={INTAKE_IDS.factsDob}
          label="Date of birth"
          hint="Not on the person’s record. Needed when section 58 treatment is considered."
          type="date"
          className="field--date"
          value={facts.dateOfBirth}
          error={errorFor('facts.dateOfBirth')}
          onChange={(event) => onFacts({ dateOfBirth: event.target.value })}
        />
      )}
      {asks('dateOfBirth') && dobSource === 'record' && draft.client?.dateOfBirth && (
        <p className="muted">Date of birth on record: {formatDate(draft.client.dateOfBirth)}.</p>
      )}
      {asks('substantialDifficulty') && (
        <RadioGroup
          id="intake-substantial-difficulty"
          legend="Would the person have substantial difficulty being involved?"
          hint="In understanding, retaining, or using and weighing the information, or in communicating their views"
          inline
          options={YES_NO}
          value={facts.substantialDifficulty}
          error={errorFor('facts.substantialDifficulty')}
          onChange={yesNo('substantialDifficulty')}
        />
      )}
      {asks('safeguardingEnquiry') && (
        <Checkbox
          id={INTAKE_IDS.safeguarding}
          label={ELIGIBILITY_FACT_LABELS.safeguardingEnquiry}
          hint="Entitled to an advocate even when someone appropriate could support them"
          checked={facts.safeguardingEnquiry}
          error={errorFor('facts.safeguardingEnquiry')}
          onChange={(safeguardingEnquiry) => onFacts({ safeguardingEnquiry })}
        />
      )}
      {asks('appropriateIndividualAvailable') && (
        <RadioGroup
          id="intake-appropriate-individual"
          legend="Is there an appropriate person (not paid to care) who can support them?"
          hint={
            facts.safeguardingEnquiry ? 'Not needed while a safeguarding enquiry is under way' : undefined
          }
          inline
          options={YES_NO}
          value={facts.appropriateIndividualAvailable}
          error={errorFor('facts.appropriateIndividualAvailable')}
          onChange={yesNo('appropriateIndividualAvailable')}
        />
      )}
      {asks('isUnpaidCarer') && (
        <RadioGroup
          id="intake-unpaid-carer"
          legend="Does the person care for someone with a mental health need, unpaid?"
          hint="Care given as part of a job does not count"
          inline
          options={YES_NO}
          value={facts.isUnpaidCarer}
          error={errorFor('facts.isUnpaidCarer')}
          onChange={yesNo('isUnpaidCarer')}
        />
      )}
    </section>
  );
}

import { RadioGroup, SelectField, TextField } from '../../../components/fields';
import { IMHA_METHOD_LABELS, INTAKE_IDS, type ImhaMethod, type IntakeDraft } from '../utils/intake';

type ErrorFor = (...fields: string[]) => string | undefined;

const METHODS = Object.keys(IMHA_METHOD_LABELS) as ImhaMethod[];

/** MHA s130D: whether, when, by whom and how the patient was told about IMHA. */
export function ImhaInformationSection({
  imha,
  onImha,
  errorFor,
  today,
}: {
  imha: IntakeDraft['imha'];
  onImha: (patch: Partial<IntakeDraft['imha']>) => void;
  errorFor: ErrorFor;
  today: string;
}) {
  return (
    <section className="form-section" aria-labelledby="intake-imha-title">
      <h2 id="intake-imha-title" className="section-title">
        Told about IMHA (section 130D)
      </h2>
      <RadioGroup
        id="intake-imha-informed"
        legend="Has the patient been told about IMHA, orally and in writing?"
        hint="Hospital managers (or the responsible clinician or council) must tell a qualifying patient"
        inline
        options={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
        value={imha.informed}
        error={errorFor('imhaInformation.informed', 'imhaInformation')}
        onChange={(informed) => onImha({ informed })}
      />
      {imha.informed === 'yes' && (
        <div className="subsection">
          <div className="field-row">
            <TextField
              id={INTAKE_IDS.imhaInformedOn}
              label="Date told (optional)"
              type="date"
              max={today}
              className="field--date"
              value={imha.informedOn}
              error={errorFor('imhaInformation.informedOn')}
              onChange={(event) => onImha({ informedOn: event.target.value })}
            />
            <TextField
              id={INTAKE_IDS.imhaInformedBy}
              label="Told by (optional)"
              hint="For example: ward manager"
              autoComplete="off"
              value={imha.informedBy}
              error={errorFor('imhaInformation.informedBy')}
              onChange={(event) => onImha({ informedBy: event.target.value })}
            />
          </div>
          <SelectField
            id={INTAKE_IDS.imhaMethod}
            label="How they were told (optional)"
            value={imha.method}
            error={errorFor('imhaInformation.method')}
            onChange={(event) => onImha({ method: event.target.value as ImhaMethod | '' })}
          >
            <option value="">Not recorded</option>
            {METHODS.map((method) => (
              <option key={method} value={method}>
                {IMHA_METHOD_LABELS[method]}
              </option>
            ))}
          </SelectField>
        </div>
      )}
    </section>
  );
}

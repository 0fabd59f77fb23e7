import { DEMOGRAPHIC_FIELDS, DEMOGRAPHIC_FIELD_NAMES, type DemographicField } from '@beacon/domain';
import { SelectField } from '../../../components/fields';

export type DemographicAnswers = Record<DemographicField, string>;

export const NO_ANSWERS: DemographicAnswers = { ageBand: '', gender: '', ethnicity: '', disability: '' };

/**
 * The four optional equality-monitoring questions (libs/domain DEMOGRAPHIC_FIELDS), each with
 * "Not asked" ('' → not recorded) and "Prefer not to say" among its answers.
 */
export function DemographicFields({
  idPrefix,
  value,
  onChange,
  errorFor,
}: {
  idPrefix: string;
  value: Partial<DemographicAnswers>;
  onChange: (field: DemographicField, answer: string) => void;
  errorFor?: (field: DemographicField) => string | undefined;
}) {
  return (
    <div className="field-row">
      {DEMOGRAPHIC_FIELD_NAMES.map((field) => {
        const { label, values, labels } = DEMOGRAPHIC_FIELDS[field];
        return (
          <SelectField
            key={field}
            id={`${idPrefix}-${field}`}
            label={label}
            value={value[field] ?? ''}
            error={errorFor?.(field)}
            onChange={(event) => onChange(field, event.target.value)}
          >
            <option value="">Not asked</option>
            {(values as readonly string[]).map((answer) => (
              <option key={answer} value={answer}>
                {(labels as Record<string, string>)[answer]}
              </option>
            ))}
          </SelectField>
        );
      })}
    </div>
  );
}

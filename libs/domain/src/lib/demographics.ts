import { isOneOf } from './enums';

/**
 * Equality monitoring: optional facts about a client that commissioners ask to see in aggregate
 * (Equality Act 2010 protected characteristics). Every one is optional and may be answered
 * "prefer not to say"; a question never asked is stored as null and reported as NOT_RECORDED.
 * Values are stored in the database (checked by constraints): append, never rename.
 */

export const PREFER_NOT_TO_SAY = 'PREFER_NOT_TO_SAY' as const;
/** The report key for a question never answered (null in the database). Never stored. */
export const NOT_RECORDED = 'NOT_RECORDED' as const;
export type NotRecorded = typeof NOT_RECORDED;

/** Age bands as NHS and ONS statistics use them (under 18, then ten-year bands from 25, 75 and over). */
export const AGE_BANDS = [
  'UNDER_18',
  'AGE_18_24',
  'AGE_25_34',
  'AGE_35_44',
  'AGE_45_54',
  'AGE_55_64',
  'AGE_65_74',
  'AGE_75_PLUS',
  PREFER_NOT_TO_SAY,
] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function isAgeBand(value: unknown): value is AgeBand {
  return isOneOf(AGE_BANDS, value);
}

export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  UNDER_18: 'Under 18',
  AGE_18_24: '18 to 24',
  AGE_25_34: '25 to 34',
  AGE_35_44: '35 to 44',
  AGE_45_54: '45 to 54',
  AGE_55_64: '55 to 64',
  AGE_65_74: '65 to 74',
  AGE_75_PLUS: '75 and over',
  PREFER_NOT_TO_SAY: 'Prefer not to say',
};

/** The youngest age in each band (the bands of an age, in order; "prefer not to say" has none). */
export const AGE_BAND_FLOORS: readonly (readonly [Exclude<AgeBand, 'PREFER_NOT_TO_SAY'>, number])[] = [
  ['UNDER_18', 0],
  ['AGE_18_24', 18],
  ['AGE_25_34', 25],
  ['AGE_35_44', 35],
  ['AGE_45_54', 45],
  ['AGE_55_64', 55],
  ['AGE_65_74', 65],
  ['AGE_75_PLUS', 75],
];

/** The band an age in whole years falls in. */
export function ageBandOf(age: number): Exclude<AgeBand, 'PREFER_NOT_TO_SAY'> {
  if (!Number.isInteger(age) || age < 0)
    throw new RangeError('age must be a whole number of years, 0 or more');
  let band: Exclude<AgeBand, 'PREFER_NOT_TO_SAY'> = 'UNDER_18';
  for (const [name, floor] of AGE_BAND_FLOORS) if (age >= floor) band = name;
  return band;
}

/** Gender, as the 2021 Census asked about gender identity, kept short. */
export const GENDERS = ['WOMAN', 'MAN', 'NON_BINARY', 'OTHER', PREFER_NOT_TO_SAY] as const;
export type Gender = (typeof GENDERS)[number];

export function isGender(value: unknown): value is Gender {
  return isOneOf(GENDERS, value);
}

export const GENDER_LABELS: Record<Gender, string> = {
  WOMAN: 'Woman',
  MAN: 'Man',
  NON_BINARY: 'Non-binary',
  OTHER: 'Another gender',
  PREFER_NOT_TO_SAY: 'Prefer not to say',
};

/**
 * Ethnic group: the five high-level groups of the 2021 Census for England and Wales. The
 * detailed 19 categories are not asked: counts that fine would identify people in a small service.
 */
export const ETHNICITIES = ['ASIAN', 'BLACK', 'MIXED', 'WHITE', 'OTHER', PREFER_NOT_TO_SAY] as const;
export type Ethnicity = (typeof ETHNICITIES)[number];

export function isEthnicity(value: unknown): value is Ethnicity {
  return isOneOf(ETHNICITIES, value);
}

export const ETHNICITY_LABELS: Record<Ethnicity, string> = {
  ASIAN: 'Asian or Asian British',
  BLACK: 'Black, Black British, Caribbean or African',
  MIXED: 'Mixed or multiple ethnic groups',
  WHITE: 'White',
  OTHER: 'Another ethnic group',
  PREFER_NOT_TO_SAY: 'Prefer not to say',
};

/** Whether the person considers themselves disabled (Equality Act 2010, s6). */
export const DISABILITIES = ['YES', 'NO', PREFER_NOT_TO_SAY] as const;
export type Disability = (typeof DISABILITIES)[number];

export function isDisability(value: unknown): value is Disability {
  return isOneOf(DISABILITIES, value);
}

export const DISABILITY_LABELS: Record<Disability, string> = {
  YES: 'Disabled',
  NO: 'Not disabled',
  PREFER_NOT_TO_SAY: 'Prefer not to say',
};

export const NOT_RECORDED_LABEL = 'Not recorded';

/** The four monitoring questions, each with its answers and labels: one table for forms and reports. */
export const DEMOGRAPHIC_FIELDS = {
  ageBand: { label: 'Age band', values: AGE_BANDS, labels: AGE_BAND_LABELS },
  gender: { label: 'Gender', values: GENDERS, labels: GENDER_LABELS },
  ethnicity: { label: 'Ethnic group', values: ETHNICITIES, labels: ETHNICITY_LABELS },
  disability: { label: 'Disability', values: DISABILITIES, labels: DISABILITY_LABELS },
} as const;
export type DemographicField = keyof typeof DEMOGRAPHIC_FIELDS;
export const DEMOGRAPHIC_FIELD_NAMES = Object.keys(DEMOGRAPHIC_FIELDS) as DemographicField[];

/** The label of a demographic answer as a report shows it, NOT_RECORDED included. */
export function demographicLabel(field: DemographicField, value: string): string {
  if (value === NOT_RECORDED) return NOT_RECORDED_LABEL;
  const labels = DEMOGRAPHIC_FIELDS[field].labels as Record<string, string>;
  return labels[value] ?? value;
}

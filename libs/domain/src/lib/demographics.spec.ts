import {
  AGE_BANDS,
  DEMOGRAPHIC_FIELDS,
  DISABILITIES,
  ETHNICITIES,
  GENDERS,
  ageBandOf,
  demographicLabel,
  isAgeBand,
  isDisability,
  isEthnicity,
  isGender,
} from './demographics';

describe('demographics', () => {
  it('offers "prefer not to say" for every question, and labels every answer', () => {
    for (const field of Object.values(DEMOGRAPHIC_FIELDS)) {
      expect(field.values).toContain('PREFER_NOT_TO_SAY');
      for (const value of field.values) expect((field.labels as Record<string, string>)[value]).toBeTruthy();
    }
  });

  it('never stores NOT_RECORDED: it is the report key for a missing answer', () => {
    for (const values of [AGE_BANDS, GENDERS, ETHNICITIES, DISABILITIES])
      expect(values as readonly string[]).not.toContain('NOT_RECORDED');
    expect(demographicLabel('gender', 'NOT_RECORDED')).toBe('Not recorded');
    expect(demographicLabel('ethnicity', 'MIXED')).toBe('Mixed or multiple ethnic groups');
  });

  it.each([
    [0, 'UNDER_18'],
    [17, 'UNDER_18'],
    [18, 'AGE_18_24'],
    [24, 'AGE_18_24'],
    [25, 'AGE_25_34'],
    [44, 'AGE_35_44'],
    [45, 'AGE_45_54'],
    [64, 'AGE_55_64'],
    [65, 'AGE_65_74'],
    [74, 'AGE_65_74'],
    [75, 'AGE_75_PLUS'],
    [103, 'AGE_75_PLUS'],
  ])('puts age %i in %s', (age, band) => {
    expect(ageBandOf(age)).toBe(band);
  });

  it('refuses a negative or fractional age', () => {
    expect(() => ageBandOf(-1)).toThrow(RangeError);
    expect(() => ageBandOf(2.5)).toThrow(RangeError);
  });

  it('has type guards that accept only stored values', () => {
    expect(isAgeBand('AGE_25_34')).toBe(true);
    expect(isAgeBand('NOT_RECORDED')).toBe(false);
    expect(isGender('NON_BINARY')).toBe(true);
    expect(isEthnicity('white')).toBe(false);
    expect(isDisability('YES')).toBe(true);
  });
});

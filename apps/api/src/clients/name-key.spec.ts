import { isValidNhsNumber, nameKey } from './name-key';

describe('nameKey', () => {
  it('folds accents, case and spacing', () => {
    expect(nameKey('  Zoë   O’Brien-Núñez ')).toBe("zoe o'brien-nunez");
  });
});

describe('isValidNhsNumber', () => {
  it('accepts a number whose check digit fits, with or without spaces', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
  });

  it('refuses a wrong check digit, a remainder of 10, and anything not ten digits', () => {
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('0500000000')).toBe(false); // weighted sum 45: check digit would be 10
    expect(isValidNhsNumber('943476591')).toBe(false);
    expect(isValidNhsNumber('94347659190')).toBe(false);
    expect(isValidNhsNumber('94347659AB')).toBe(false);
  });
});

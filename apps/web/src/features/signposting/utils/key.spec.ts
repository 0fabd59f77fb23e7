import { keyFromName } from './key';

describe('keyFromName', () => {
  it('makes an UPPER_SNAKE key the API accepts', () => {
    expect(keyFromName('Age UK Leicester')).toBe('AGE_UK_LEICESTER');
    expect(keyFromName('  Café & Food-bank! ')).toBe('CAFE_AND_FOOD_BANK');
    expect(keyFromName('111 Mental health')).toBe('MENTAL_HEALTH');
    expect(keyFromName('x')).toBe('');
    expect(keyFromName('A'.repeat(60) + ' B')).toHaveLength(50);
    expect(keyFromName('Rethink Mental Illness')).toMatch(/^[A-Z][A-Z0-9_]{1,49}$/);
  });
});

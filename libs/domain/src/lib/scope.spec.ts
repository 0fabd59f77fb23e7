import { ISSUES, type Issue } from './enums';
import {
  IN_SCOPE_ISSUES,
  OUT_OF_SCOPE_ISSUES,
  SIGNPOSTING_DIRECTORY_SEED,
  SIGNPOSTING_KEYS,
  SIGNPOSTING_SUGGESTIONS,
  classifyIssues,
  isInScopeIssue,
  isOutOfScopeIssue,
  isSignpostingKey,
  requiresDecline,
  signpostingSuggestionsFor,
} from './scope';

describe('scope lists', () => {
  it('holds the five areas the service has no contract for', () => {
    expect([...OUT_OF_SCOPE_ISSUES]).toEqual(['BENEFITS', 'HOUSING', 'CHILD_PROTECTION', 'DEBT', 'LEGAL']);
  });

  it('splits every issue into exactly one side', () => {
    expect([...IN_SCOPE_ISSUES]).toEqual([
      'TREATMENT',
      'DISCHARGE',
      'APPEAL_TRIBUNAL',
      'CARE_PLANNING',
      'MEDICATION',
      'COMPLAINT',
      'SAFEGUARDING',
      'CARER_RIGHTS',
      'INFORMATION',
      'OTHER',
    ]);
    for (const issue of ISSUES) expect(isInScopeIssue(issue)).toBe(!isOutOfScopeIssue(issue));
    expect(IN_SCOPE_ISSUES.length + OUT_OF_SCOPE_ISSUES.length).toBe(ISSUES.length);
  });

  it('recognises only real issues', () => {
    expect(isOutOfScopeIssue('PIP')).toBe(false);
    expect(isInScopeIssue('PIP')).toBe(false);
    expect(isInScopeIssue(undefined)).toBe(false);
  });
});

describe('classifyIssues', () => {
  it('keeps a wholly in-scope referral going', () => {
    const scope = classifyIssues(['APPEAL_TRIBUNAL', 'MEDICATION']);
    expect(scope).toEqual({ inScope: ['APPEAL_TRIBUNAL', 'MEDICATION'], outOfScope: [] });
    expect(requiresDecline(scope)).toBe(false);
  });

  it('declines a referral whose only issues are out of scope', () => {
    const scope = classifyIssues(['BENEFITS', 'DEBT']);
    expect(scope).toEqual({ inScope: [], outOfScope: ['BENEFITS', 'DEBT'] });
    expect(requiresDecline(scope)).toBe(true);
  });

  it('goes on with the in-scope part of a mixed referral and keeps the rest for signposting', () => {
    const scope = classifyIssues(['HOUSING', 'DISCHARGE', 'LEGAL', 'CARE_PLANNING']);
    expect(scope).toEqual({ inScope: ['DISCHARGE', 'CARE_PLANNING'], outOfScope: ['HOUSING', 'LEGAL'] });
    expect(requiresDecline(scope)).toBe(false);
  });

  it('removes duplicates and keeps the order first given', () => {
    expect(classifyIssues(['OTHER', 'DEBT', 'TREATMENT', 'OTHER', 'BENEFITS', 'DEBT', 'TREATMENT'])).toEqual({
      inScope: ['OTHER', 'TREATMENT'],
      outOfScope: ['DEBT', 'BENEFITS'],
    });
  });

  it.each(OUT_OF_SCOPE_ISSUES)('puts %s out of scope on its own', (issue) => {
    expect(classifyIssues([issue])).toEqual({ inScope: [], outOfScope: [issue] });
  });

  it.each(IN_SCOPE_ISSUES)('puts %s in scope on its own', (issue) => {
    expect(classifyIssues([issue])).toEqual({ inScope: [issue], outOfScope: [] });
  });

  it('leaves nothing to do for a referral with no issues', () => {
    const scope = classifyIssues([]);
    expect(scope).toEqual({ inScope: [], outOfScope: [] });
    expect(requiresDecline(scope)).toBe(true);
  });

  it('refuses a value that is not an issue rather than dropping it', () => {
    expect(() => classifyIssues(['TREATMENT', 'PIP' as Issue])).toThrow('unknown issue "PIP"');
  });

  it('does not change its input', () => {
    const issues: Issue[] = ['DEBT', 'DEBT', 'TREATMENT'];
    classifyIssues(issues);
    expect(issues).toEqual(['DEBT', 'DEBT', 'TREATMENT']);
  });
});

describe('signposting', () => {
  const seedKeys = SIGNPOSTING_DIRECTORY_SEED.map((entry) => entry.key);

  it('seeds one entry per key, each key once', () => {
    expect(seedKeys).toEqual([...SIGNPOSTING_KEYS]);
    expect(new Set(seedKeys).size).toBe(seedKeys.length);
    for (const key of seedKeys) expect(isSignpostingKey(key)).toBe(true);
    expect(isSignpostingKey('NOWHERE')).toBe(false);
  });

  it('fills in every field of every entry', () => {
    for (const entry of SIGNPOSTING_DIRECTORY_SEED) {
      expect(entry.key).toMatch(/^[A-Z0-9_]+$/);
      expect(entry.name.trim()).not.toBe('');
      expect(entry.description.trim()).not.toBe('');
      expect(entry.contact.trim()).not.toBe('');
    }
  });

  it('includes what DOMAIN.md names: GP, talking therapies, therapist directories, carers centre, A&E', () => {
    for (const key of [
      'GP',
      'NHS_TALKING_THERAPIES',
      'BACP_DIRECTORY',
      'UKCP_DIRECTORY',
      'CARERS_CENTRE',
      'EMERGENCY_999_AE',
    ]) {
      expect(seedKeys).toContain(key);
    }
  });

  it('uses only phone numbers that are well known or given by the service itself', () => {
    const numbers = SIGNPOSTING_DIRECTORY_SEED.flatMap(
      (entry) => entry.contact.match(/\d[\d ]*\d|\d/g) ?? [],
    );
    expect(numbers.sort()).toEqual(['0116 251 0999', '111', '116 123', '2', '4', '9', '999'].sort());
    expect(SIGNPOSTING_DIRECTORY_SEED.find((entry) => entry.key === 'NHS_111_MENTAL_HEALTH')!.contact).toBe(
      '111, option 2',
    );
  });

  it('suggests at least one existing directory entry for every out-of-scope issue', () => {
    expect(Object.keys(SIGNPOSTING_SUGGESTIONS).sort()).toEqual([...OUT_OF_SCOPE_ISSUES].sort());
    for (const issue of OUT_OF_SCOPE_ISSUES) {
      expect(SIGNPOSTING_SUGGESTIONS[issue].length).toBeGreaterThan(0);
      for (const key of SIGNPOSTING_SUGGESTIONS[issue]) expect(seedKeys).toContain(key);
    }
  });

  it('points benefits and debt to Citizens Advice, and the rest to the right place', () => {
    expect(SIGNPOSTING_SUGGESTIONS.BENEFITS[0]).toBe('CITIZENS_ADVICE');
    expect(SIGNPOSTING_SUGGESTIONS.DEBT[0]).toBe('CITIZENS_ADVICE');
    expect(SIGNPOSTING_SUGGESTIONS.HOUSING[0]).toBe('HOUSING_OPTIONS');
    expect(SIGNPOSTING_SUGGESTIONS.CHILD_PROTECTION[0]).toBe('CHILDRENS_SERVICES');
    expect(SIGNPOSTING_SUGGESTIONS.LEGAL[0]).toBe('LEGAL_ADVICE');
  });

  it('merges the suggestions for several issues without repeats', () => {
    expect(signpostingSuggestionsFor(['BENEFITS', 'DEBT', 'HOUSING'])).toEqual([
      'CITIZENS_ADVICE',
      'NATIONAL_DEBTLINE',
      'HOUSING_OPTIONS',
    ]);
    expect(signpostingSuggestionsFor([])).toEqual([]);
  });
});

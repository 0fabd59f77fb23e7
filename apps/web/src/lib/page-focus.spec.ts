import { createHeadingFocus, pageTitle } from './page-focus';

describe('pageTitle', () => {
  it('names the page, then Beacon', () => {
    expect(pageTitle('Referrals')).toBe('Referrals – Beacon');
  });
});

describe('createHeadingFocus', () => {
  it('leaves focus alone on the first page of a document load', () => {
    const takesFocus = createHeadingFocus();
    expect(takesFocus('default')).toBe(false);
  });

  it('answers the same for the first page however often its heading appears (loading, strict mode)', () => {
    const takesFocus = createHeadingFocus();
    expect(takesFocus('a1')).toBe(false);
    expect(takesFocus('a1')).toBe(false);
  });

  it('moves focus to the heading of every page after a route change, back to the first page included', () => {
    const takesFocus = createHeadingFocus();
    takesFocus('first');
    expect(takesFocus('second')).toBe(true);
    expect(takesFocus('third')).toBe(true);
    expect(takesFocus('first')).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import type { AxeResults, ImpactValue, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * Accessibility checks in the real browser: axe-core's WCAG 2.2 AA rules, and (for narrow
 * screens) that nothing makes the page scroll sideways (WCAG 1.4.10 Reflow).
 */

/** axe's own source, injected into each page with `page.evaluate`: the app's CSP forbids inline scripts, evaluate runs outside it. */
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG A and AA success criteria, up to 2.2. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Impacts that fail a check. WCAG 2.2 AA here means no serious or critical violation; moderate
 * ones are held at none too, as there are none. A11Y_IMPACTS (say `minor,moderate,serious,critical`)
 * sets others, to see everything axe finds while working on a page.
 */
export const ENFORCED_IMPACTS: readonly ImpactValue[] = process.env.A11Y_IMPACTS
  ? (process.env.A11Y_IMPACTS.split(',').map((impact) => impact.trim()) as ImpactValue[])
  : ['moderate', 'serious', 'critical'];

export interface A11yViolation {
  id: string;
  impact: ImpactValue | null;
  help: string;
  helpUrl: string;
  targets: { target: string; summary: string }[];
}

declare global {
  interface Window {
    axe?: { run: (context: unknown, options: RunOptions) => Promise<AxeResults> };
  }
}

/** Every axe violation of the WCAG A/AA rules on the page as it is now (an open dialog included). */
export async function a11yViolations(page: Page): Promise<A11yViolation[]> {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = window.axe;
    if (!axe) throw new Error('axe-core did not load into the page');
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      helpUrl: violation.helpUrl,
      targets: violation.nodes.map((node) => ({
        target: node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : part)).join(' '),
        summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
      })),
    }));
  }, WCAG_AA_TAGS);
}

/** One line a violation, each failing element under it: enough to find and fix it from a CI log. */
export function describeViolations(label: string, violations: A11yViolation[]): string {
  return violations
    .map(
      (violation) =>
        `[${label}] ${violation.impact ?? 'unknown'} ${violation.id}: ${violation.help} (${violation.helpUrl})\n` +
        violation.targets.map((node) => `    ${node.target}\n      ${node.summary}`).join('\n'),
    )
    .join('\n');
}

/** The violations of an impact that fails the check (moderate and worse), described; empty when none. */
export async function seriousA11yProblems(page: Page, label: string): Promise<string[]> {
  const violations = (await a11yViolations(page)).filter(
    (violation) => violation.impact !== null && ENFORCED_IMPACTS.includes(violation.impact),
  );
  return violations.length ? [describeViolations(label, violations)] : [];
}

/** Fails listing every WCAG 2.2 AA violation on the page of an enforced impact (rule, help, failing elements). */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  const problems = await seriousA11yProblems(page, label);
  if (problems.length) {
    throw new Error(
      `Accessibility violations (${ENFORCED_IMPACTS.join(', ')}) on ${label}:\n${problems.join('\n')}`,
    );
  }
}

/**
 * Whether the page scrolls sideways at this width; when it does, the elements sticking out past
 * the right edge (the innermost few), to say where to look.
 */
export async function horizontalOverflow(page: Page, label: string): Promise<string[]> {
  const found = await page.evaluate(() => {
    const width = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth <= width) return null;
    const describe = (element: Element) =>
      element.tagName.toLowerCase() +
      (element.id ? `#${element.id}` : '') +
      Array.from(element.classList, (name) => `.${name}`).join('');
    const sticking = Array.from(document.querySelectorAll('body *')).filter((element) => {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 1) return false;
      // Inside something that scrolls or clips on its own: not the page's problem.
      for (
        let parent = element.parentElement;
        parent && parent !== document.body;
        parent = parent.parentElement
      ) {
        const style = getComputedStyle(parent);
        if (style.overflowX !== 'visible' && parent.getBoundingClientRect().right <= width + 1) return false;
      }
      return true;
    });
    const innermost = sticking.filter(
      (element) => !sticking.some((other) => other !== element && element.contains(other)),
    );
    return {
      width,
      scrollWidth,
      elements: innermost
        .slice(0, 8)
        .map(
          (element) =>
            `${describe(element)} (right edge ${Math.round(element.getBoundingClientRect().right)} px)`,
        ),
    };
  });
  if (!found) return [];
  return [
    `[${label}] the page scrolls sideways: ${found.scrollWidth} px wide in a ${found.width} px window; sticking out: ${found.elements.join(', ')}`,
  ];
}

/** Fails when the page is wider than the window (WCAG 1.4.10 Reflow), naming what sticks out. */
export async function expectNoHorizontalOverflow(page: Page, label: string): Promise<void> {
  const problems = await horizontalOverflow(page, label);
  if (problems.length) throw new Error(problems.join('\n'));
}

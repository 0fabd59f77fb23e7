import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { Button } from '../../../components/button';
import { paths } from '../../../config/paths';
import { reminderShown, TWO_STEP_SECTION_ID, twoStepReminderText } from '../../../lib/two-step';

/**
 * On every page while a manager's or admin's time to set up two-step verification runs: the
 * deadline and a way to do it. It can be put away for the page it is on, and comes back on the next.
 */
export function TwoStepReminder({ by }: { by: string }) {
  const { pathname } = useLocation();
  const [dismissedOn, setDismissedOn] = useState<string | null>(null);
  if (!reminderShown(dismissedOn, pathname)) return null;

  function dismiss() {
    setDismissedOn(pathname);
    // The button is gone: the page's heading takes focus, not the top of the document.
    document.querySelector<HTMLElement>('#main h1')?.focus();
  }

  return (
    <section className="notice notice--warning reminder" aria-label="Two-step verification reminder">
      <p className="reminder__text">
        {twoStepReminderText(by)}{' '}
        <Link to={`${paths.account.getHref()}#${TWO_STEP_SECTION_ID}`}>Set up two-step verification</Link>
      </p>
      <Button variant="link" className="reminder__dismiss" onClick={dismiss}>
        Dismiss<span className="visually-hidden"> this reminder</span>
      </Button>
    </section>
  );
}

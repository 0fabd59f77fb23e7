import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '../config/paths';
import { PageHeading } from './page-heading';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      <span className="loading__dot" aria-hidden="true" />
      {label}
    </p>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-state__title">{title}</p>
      {children && <div className="empty-state__body">{children}</div>}
    </div>
  );
}

/** What a page says to someone whose roles do not include it: calm, no alarm, a way on. */
export function NotAvailable() {
  return (
    <section className="page page--narrow">
      <PageHeading>Not available</PageHeading>
      <EmptyState title="This page is not available for your role.">
        <p>
          If you need it for your work, ask an admin to check your account.{' '}
          <Link to={paths.home.getHref()}>Go to your home page</Link>.
        </p>
      </EmptyState>
    </section>
  );
}

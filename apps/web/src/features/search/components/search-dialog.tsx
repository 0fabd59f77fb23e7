import {
  can,
  LOCAL_AUTHORITY_LABELS,
  STATUS_LABELS,
  type ReferralStatus,
  type ServiceType,
} from '@beacon/domain';
import {
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
} from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/button';
import { Notice } from '../../../components/notice';
import { StatusTag } from '../../../components/referral-tags';
import { paths } from '../../../config/paths';
import { formatDate } from '../../../lib/format';
import { errorText } from '../../../lib/problems';
import { personName, SERVICE_SHORT_LABELS } from '../../../lib/referrals';
import { useDebounced } from '../../../lib/use-debounced';
import { useUser } from '../../../lib/use-session';
import { findReferralOf, useGlobalSearch } from '../api/global-search';
import {
  groupResults,
  isSearchable,
  normaliseQuery,
  resultsSummary,
  SEARCH_MAX_LENGTH,
  type SearchOption,
} from '../utils/search';

/** How long typing must pause before the search goes out. */
const SEARCH_DELAY_MS = 250;

/**
 * The search itself, a modal dialog: a combobox whose listbox groups the referrals and people
 * found. The first result is active; Arrow Up and Down move, Enter opens, Escape closes.
 */
export function SearchDialog({ onClose }: { onClose: (returnFocus: boolean) => void }) {
  const me = useUser();
  const navigate = useNavigate();
  const ref = useRef<HTMLDialogElement>(null);
  const base = `search-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const ids = {
    title: `${base}-title`,
    input: `${base}-input`,
    hint: `${base}-hint`,
    listbox: `${base}-listbox`,
  };
  const [text, setText] = useState('');
  const typed = normaliseQuery(text);
  const query = useDebounced(typed, SEARCH_DELAY_MS);
  const { enabled, referrals, people } = useGlobalSearch(query);
  // The option the arrow keys moved to, for the query whose results they moved through.
  const [cursor, setCursor] = useState<{ query: string; id: string } | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    document.getElementById(ids.input)?.focus();
  }, [ids.input]);

  // Results for what was typed a moment ago, until those for the latest arrive; none once the
  // box holds less than two characters.
  const results =
    enabled && isSearchable(typed)
      ? groupResults(query, referrals.data?.items ?? [], people.data?.items ?? [], base)
      : { groups: [], options: [] };
  const { options } = results;
  // The first result (the best match) is active until the arrow keys move, and again for each
  // new query: Enter opens the best match.
  const activeIndex =
    cursor?.query === query
      ? Math.max(
          0,
          options.findIndex((option) => option.id === cursor.id),
        )
      : 0;
  const active: SearchOption | undefined = options[activeIndex];
  const activeId = active?.id;
  const setActiveId = (id: string) => setCursor({ query, id });

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  // Once closed (Escape while a person's referral is being looked up), nothing more happens.
  const closed = useRef(false);
  const close = (returnFocus: boolean) => {
    closed.current = true;
    ref.current?.close();
    onClose(returnFocus);
  };

  const go = (href: string) => {
    close(false);
    navigate(href);
  };

  const choose = async (option: SearchOption) => {
    if (opening) return;
    if (option.kind === 'referral') return go(paths.referral.getHref(option.referral.id));
    if (option.referral) return go(paths.referral.getHref(option.referral.id));
    const name = personName(option.person);
    setProblem(null);
    setOpening(name);
    try {
      const referral = await findReferralOf(option.person);
      if (closed.current) return;
      if (referral) return go(paths.referral.getHref(referral.id));
      // Managers have the Referrals page, whose search finds everyone of that name.
      if (can(me.roles, 'referrals.triage')) {
        return go(paths.referrals.getHref(new URLSearchParams({ q: name })));
      }
      setProblem(`There is no referral for ${name} that you can open.`);
    } catch (error) {
      if (!closed.current) setProblem(errorText(error));
    } finally {
      setOpening(null);
    }
  };

  const onKeyDown = (event: ReactKeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!options.length) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActiveId(options[(activeIndex + step + options.length) % options.length].id);
        return;
      }
      case 'Enter':
        event.preventDefault();
        if (active) void choose(active);
        return;
      case 'Escape':
        event.preventDefault();
        close(true);
        return;
    }
  };

  const referralsFailed = referrals.isError && !referrals.data;
  const peopleFailed = people.isError && !people.data;
  const settled =
    enabled &&
    referrals.isSuccess &&
    people.isSuccess &&
    !referrals.isPlaceholderData &&
    !people.isPlaceholderData;
  const searching = enabled && (referrals.isFetching || people.isFetching);

  let status: ReactNode = null;
  if (opening) status = <p className="search-dialog__message">Opening {opening}’s referral…</p>;
  else if (problem)
    status = (
      <Notice tone="error">
        <p>{problem}</p>
      </Notice>
    );
  else if (!isSearchable(typed))
    status = <p className="search-dialog__message muted">Type at least 2 characters to search.</p>;
  else if (referralsFailed && peopleFailed)
    status = (
      <Notice tone="error" title="The search did not work">
        <p>{errorText(referrals.error)}</p>
        <Button
          onClick={() => {
            void referrals.refetch();
            void people.refetch();
          }}
        >
          Try again
        </Button>
      </Notice>
    );
  else if (!options.length && (searching || !settled))
    status = (
      <p className="search-dialog__message loading">
        <span className="loading__dot" aria-hidden="true" />
        Searching…
      </p>
    );
  else if (!options.length && settled)
    status = <p className="search-dialog__message">No referrals or people match “{query}”.</p>;
  // The previous query's results stay in view while the new ones load (no flashing list).
  else if (options.length && !settled) status = <p className="visually-hidden">Searching…</p>;
  else if (options.length)
    status = (
      <p className="visually-hidden">
        {resultsSummary(
          results.groups.find((group) => group.key === 'referrals')?.options.length ?? 0,
          results.groups.find((group) => group.key === 'people')?.options.length ?? 0,
        )}
        . Up and down arrows move through them, Enter opens one.
      </p>
    );

  return (
    <dialog
      ref={ref}
      className="dialog search-dialog"
      aria-labelledby={ids.title}
      onCancel={(event) => {
        event.preventDefault();
        close(true);
      }}
    >
      <div className="search-dialog__header">
        <h2 id={ids.title} className="dialog__title">
          Search
        </h2>
        <Button variant="link" className="search-dialog__close" onClick={() => close(true)}>
          Close
        </Button>
      </div>
      <div className="field">
        <label htmlFor={ids.input} className="field__label">
          Find a referral or person
        </label>
        <p id={ids.hint} className="field__hint">
          A name, a reference such as REF-2026-000123, or an NHS number
        </p>
        <input
          id={ids.input}
          className="input search-dialog__input"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={options.length > 0}
          aria-controls={ids.listbox}
          aria-activedescendant={active?.id}
          aria-describedby={ids.hint}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={SEARCH_MAX_LENGTH + 20}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <div className="search-dialog__status" role="status" aria-live="polite" aria-atomic="true">
        {status}
      </div>
      {referralsFailed !== peopleFailed && (
        <p className="search-dialog__partial">
          {referralsFailed ? 'Referrals' : 'People'} could not be searched:{' '}
          {errorText(referralsFailed ? referrals.error : people.error)}
        </p>
      )}
      <div
        id={ids.listbox}
        role="listbox"
        aria-label="Search results"
        className="search-results"
        hidden={!options.length}
      >
        {results.groups.map((group) => (
          <ul key={group.key} role="group" aria-labelledby={`${base}-${group.key}`} className="search-group">
            <li role="presentation" id={`${base}-${group.key}`} className="search-group__label">
              {group.label}
            </li>
            {group.options.map((option) => (
              <li
                key={option.id}
                id={option.id}
                role="option"
                aria-selected={option.id === activeId}
                className={option.id === activeId ? 'search-option search-option--active' : 'search-option'}
                onMouseDown={(event) => event.preventDefault()}
                onMouseMove={() => option.id !== active?.id && setActiveId(option.id)}
                onClick={() => void choose(option)}
              >
                {option.kind === 'referral' ? (
                  <ReferralOption option={option} />
                ) : (
                  <PersonOption option={option} />
                )}
              </li>
            ))}
          </ul>
        ))}
      </div>
      <p className="search-dialog__keys muted" aria-hidden="true">
        <kbd>↑</kbd> <kbd>↓</kbd> to move · <kbd>Enter</kbd> to open · <kbd>Esc</kbd> to close
      </p>
    </dialog>
  );
}

function ReferralOption({ option }: { option: Extract<SearchOption, { kind: 'referral' }> }) {
  const { referral } = option;
  const service = SERVICE_SHORT_LABELS[referral.serviceType as ServiceType] ?? referral.serviceType;
  return (
    <>
      <span className="search-option__main">
        <span className="search-option__title">{referral.reference}</span>
        <span className="search-option__name">
          <span className="visually-hidden">, </span>
          {personName(referral.client)}
        </span>
      </span>
      <span className="search-option__meta">
        <span className="visually-hidden">, </span>
        <span>{service}</span>
        <span className="visually-hidden">, </span>
        <StatusTag status={referral.status as ReferralStatus} />
      </span>
    </>
  );
}

function PersonOption({ option }: { option: Extract<SearchOption, { kind: 'person' }> }) {
  const { person, referral } = option;
  const area = LOCAL_AUTHORITY_LABELS[person.localAuthority] ?? person.localAuthority;
  return (
    <>
      <span className="search-option__main">
        <span className="search-option__title">{personName(person)}</span>
        <span className="search-option__name">
          <span className="visually-hidden">, </span>
          {person.dateOfBirth
            ? `Born ${formatDate(person.dateOfBirth)}`
            : 'Date of birth not recorded'} · {area}
        </span>
      </span>
      {referral && (
        <span className="search-option__meta">
          <span className="visually-hidden">, </span>
          Opens {referral.reference}
          <span className="visually-hidden">, {STATUS_LABELS[referral.status as ReferralStatus]}</span>
        </span>
      )}
    </>
  );
}

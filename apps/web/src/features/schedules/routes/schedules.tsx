import { isProblem } from '@beacon/api-client';
import { can, londonDate } from '@beacon/domain';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../../components/button';
import { SelectField } from '../../../components/fields';
import { LiveRegion, MessageRegion, type Message } from '../../../components/notice';
import { PageHeading } from '../../../components/page-heading';
import { EmptyState, Loading } from '../../../components/status';
import { paths } from '../../../config/paths';
import { advocatesQueryOptions } from '../../../lib/advocates';
import { formatDate } from '../../../lib/format';
import { wardsByHospital, wardsQueryOptions } from '../../../lib/hospitals';
import { errorText } from '../../../lib/problems';
import { useUser } from '../../../lib/use-session';
import { useCreateSchedule } from '../api/create-schedule';
import { useEndSchedule } from '../api/end-schedule';
import { useSchedules, type Schedule, type ScheduleFilters } from '../api/get-schedules';
import { EndScheduleDialog } from '../components/end-schedule-dialog';
import { ScheduleDialog } from '../components/schedule-dialog';
import { scheduleState, scheduleText } from '../utils/schedule-form';
import { TableWrap } from '../../../components/table-wrap';
import { QueryError } from '../../../components/query-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const STATE_TAGS = {
  active: <span className="tag tag--ok">Running</span>,
  future: <span className="tag tag--info">Starts later</span>,
  ended: <span className="tag tag--muted">Ended</span>,
};

/** The weekly ward visits: who visits which ward when, adding one and ending one (managers). */
export function SchedulesRoute() {
  const me = useUser();
  const [today] = useState(() => londonDate());
  const [params, setParams] = useSearchParams();
  const wardParam = params.get('ward');
  const advocateParam = params.get('advocate');
  const filters = useMemo<ScheduleFilters>(
    () => ({
      ...(wardParam && UUID.test(wardParam) ? { wardId: wardParam } : {}),
      ...(advocateParam && UUID.test(advocateParam) ? { advocateId: advocateParam } : {}),
    }),
    [wardParam, advocateParam],
  );
  const schedules = useSchedules(filters);
  const wards = useQuery(wardsQueryOptions());
  const advocates = useQuery(advocatesQueryOptions());
  const create = useCreateSchedule();
  const end = useEndSchedule();
  const [adding, setAdding] = useState({ open: false, opening: 0 });
  const [ending, setEnding] = useState<{ schedule: Schedule; opening: number; open: boolean } | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const items = schedules.data?.items ?? [];

  const setFilter = (key: 'ward' | 'advocate', value: string) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <section className="page">
      <div className="page-header">
        <PageHeading>Visit schedules</PageHeading>
        <div className="actions actions--tight">
          {can(me.roles, 'hospitals.manage') && (
            <Link className="button button--secondary" to={paths.hospitals.getHref()}>
              Hospitals and wards
            </Link>
          )}
          <Button
            variant="primary"
            onClick={() => {
              create.reset();
              setMessage(null);
              setAdding((previous) => ({ open: true, opening: previous.opening + 1 }));
            }}
          >
            Add a schedule
          </Button>
        </div>
      </div>
      <p className="lead">
        Each schedule is a weekly visit to a ward. Its visits appear on the advocate’s calendar.
      </p>
      <div className="filters" role="search" aria-label="Filter schedules">
        <SelectField
          id="schedules-ward"
          label="Ward"
          value={filters.wardId ?? ''}
          onChange={(event) => setFilter('ward', event.target.value)}
        >
          <option value="">All wards</option>
          {wardsByHospital(wards.data?.items ?? []).map((group) => (
            <optgroup key={group.hospitalName} label={group.hospitalName}>
              {group.wards.map((ward) => (
                <option key={ward.id} value={ward.id}>
                  {ward.name}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <SelectField
          id="schedules-advocate"
          label="Advocate"
          value={filters.advocateId ?? ''}
          onChange={(event) => setFilter('advocate', event.target.value)}
        >
          <option value="">All advocates</option>
          {advocates.data?.items.map((advocate) => (
            <option key={advocate.id} value={advocate.id}>
              {advocate.displayName}
            </option>
          ))}
        </SelectField>
      </div>
      <MessageRegion message={message} />
      <LiveRegion>
        {schedules.isSuccess && (
          <p className="muted result-count">
            {items.length === 1 ? '1 schedule' : `${items.length} schedules`},{' '}
            {items.filter((s) => scheduleState(s, today) === 'active').length} running
          </p>
        )}
      </LiveRegion>
      {schedules.isPending ? (
        <Loading label="Loading schedules…" />
      ) : schedules.isError && !schedules.data ? (
        <QueryError title="The schedules could not be loaded" query={schedules} />
      ) : items.length === 0 ? (
        <EmptyState
          title={filters.wardId || filters.advocateId ? 'No schedules match.' : 'No visit schedules yet.'}
        >
          <p>
            {filters.wardId || filters.advocateId
              ? 'Choose another ward or advocate, or all of them.'
              : 'Add a schedule for each weekly ward visit; its visits then appear on the advocate’s calendar and in ward coverage.'}
          </p>
        </EmptyState>
      ) : (
        <TableWrap>
          <table className="table">
            <caption className="visually-hidden">Visit schedules by hospital and ward</caption>
            <thead>
              <tr>
                <th scope="col">Ward</th>
                <th scope="col">When</th>
                <th scope="col">Advocate</th>
                <th scope="col">From</th>
                <th scope="col">Until</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((schedule) => {
                const state = scheduleState(schedule, today);
                return (
                  <tr key={schedule.id} className={state === 'ended' ? 'row--muted' : undefined}>
                    <th scope="row">
                      {schedule.wardName}
                      <span className="cell-note">{schedule.hospitalName}</span>
                    </th>
                    <td>{scheduleText(schedule)}</td>
                    <td>{schedule.advocateName}</td>
                    <td className="nowrap">{formatDate(schedule.startsOn)}</td>
                    <td className="nowrap">{schedule.endsOn ? formatDate(schedule.endsOn) : 'No end'}</td>
                    <td>{STATE_TAGS[state]}</td>
                    <td>
                      {state !== 'ended' && (
                        <Button
                          aria-label={`End the schedule for ${schedule.wardName}, ${scheduleText(schedule)}`}
                          onClick={() => {
                            end.reset();
                            setMessage(null);
                            setEnding((previous) => ({
                              schedule,
                              opening: (previous?.opening ?? 0) + 1,
                              open: true,
                            }));
                          }}
                        >
                          End
                        </Button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
      <ScheduleDialog
        key={adding.opening}
        open={adding.open}
        today={today}
        wards={wards.data?.items ?? []}
        advocates={advocates.data?.items ?? []}
        busy={create.isPending}
        problem={create.error}
        onCancel={() => setAdding((previous) => ({ ...previous, open: false }))}
        onSubmit={(body) =>
          create.mutate(body, {
            onSuccess: (schedule) => {
              setAdding((previous) => ({ ...previous, open: false }));
              setMessage({
                tone: 'success',
                text: `Schedule added: ${schedule.wardName}, ${scheduleText(schedule)}, with ${schedule.advocateName}.`,
              });
            },
          })
        }
      />
      {ending && (
        <EndScheduleDialog
          key={ending.opening}
          schedule={items.find((schedule) => schedule.id === ending.schedule.id) ?? ending.schedule}
          today={today}
          open={ending.open}
          busy={end.isPending}
          problem={end.error}
          onCancel={() => setEnding((previous) => previous && { ...previous, open: false })}
          onSubmit={(body) =>
            end.mutate(
              { id: ending.schedule.id, body },
              {
                onSuccess: (schedule) => {
                  setEnding((previous) => previous && { ...previous, open: false });
                  setMessage({
                    tone: 'success',
                    text: `The schedule for ${schedule.wardName} ends on ${formatDate(schedule.endsOn ?? body.endsOn)}.`,
                  });
                },
                onError: (error) => {
                  // A stale version stays in the dialog, with what changed (see ConflictNotice).
                  if (isProblem(error, 404)) {
                    setEnding((previous) => previous && { ...previous, open: false });
                    setMessage({ tone: 'info', title: 'This schedule is gone', text: errorText(error) });
                  }
                },
              },
            )
          }
        />
      )}
    </section>
  );
}

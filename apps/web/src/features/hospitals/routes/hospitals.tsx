import { can } from '@beacon/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { MessageRegion, type Message } from '../../../components/notice';
import { PageHeading } from '../../../components/page-heading';
import { EmptyState, Loading } from '../../../components/status';
import { paths } from '../../../config/paths';
import { hospitalsQueryOptions, wardsQueryOptions, type Hospital } from '../../../lib/hospitals';
import { useUser } from '../../../lib/use-session';
import { useCreateHospital } from '../api/create-hospital';
import { useCreateWard } from '../api/create-ward';
import { HospitalDialog, WardDialog } from '../components/hospital-dialogs';
import { QueryError } from '../../../components/query-error';

/** The area's hospitals and their wards: the places visit schedules send advocates to. */
export function HospitalsRoute() {
  const me = useUser();
  const hospitals = useQuery(hospitalsQueryOptions());
  const wards = useQuery(wardsQueryOptions());
  const createHospital = useCreateHospital();
  const createWard = useCreateWard();
  const [addingHospital, setAddingHospital] = useState({ open: false, opening: 0 });
  const [addingWard, setAddingWard] = useState<{ hospital: Hospital; open: boolean; opening: number } | null>(
    null,
  );
  const [message, setMessage] = useState<Message | null>(null);
  const list = hospitals.data?.items ?? [];

  return (
    <section className="page">
      {can(me.roles, 'schedules.manage') && (
        <p className="breadcrumb">
          <Link to={paths.schedules.getHref()}>Visit schedules</Link>
        </p>
      )}
      <div className="page-header">
        <PageHeading>Hospitals and wards</PageHeading>
        <Button
          variant="primary"
          onClick={() => {
            createHospital.reset();
            setMessage(null);
            setAddingHospital((previous) => ({ open: true, opening: previous.opening + 1 }));
          }}
        >
          Add a hospital
        </Button>
      </div>
      <p className="lead">The wards advocates visit. Add a ward here before scheduling visits to it.</p>
      <MessageRegion message={message} />
      {hospitals.isPending || wards.isPending ? (
        <Loading label="Loading hospitals…" />
      ) : hospitals.isError || wards.isError ? (
        <QueryError
          title="The hospitals could not be loaded"
          query={{
            error: hospitals.error ?? wards.error,
            isFetching: hospitals.isFetching || wards.isFetching,
            refetch: () => Promise.all([hospitals.refetch(), wards.refetch()]),
          }}
        />
      ) : list.length === 0 ? (
        <EmptyState title="No hospitals yet.">
          <p>
            Add the hospitals advocates visit with “Add a hospital”, then their wards, then schedule visits.
          </p>
        </EmptyState>
      ) : (
        <div className="hospital-list">
          {list.map((hospital) => {
            const own = (wards.data?.items ?? []).filter((ward) => ward.hospitalId === hospital.id);
            const titleId = `hospital-${hospital.id}`;
            return (
              <section key={hospital.id} className="card card--tight" aria-labelledby={titleId}>
                <div className="card__header">
                  <div>
                    <h2 id={titleId} className="section-title">
                      {hospital.name}
                    </h2>
                    {hospital.address && <p className="muted">{hospital.address}</p>}
                  </div>
                  <Button
                    aria-label={`Add a ward to ${hospital.name}`}
                    onClick={() => {
                      createWard.reset();
                      setMessage(null);
                      setAddingWard((previous) => ({
                        hospital,
                        open: true,
                        opening: (previous?.opening ?? 0) + 1,
                      }));
                    }}
                  >
                    Add a ward
                  </Button>
                </div>
                {own.length === 0 ? (
                  <p className="muted">No wards yet. Add one to schedule visits to it.</p>
                ) : (
                  <ul className="ward-list">
                    {own.map((ward) => (
                      <li key={ward.id}>
                        <strong>{ward.name}</strong>
                        {ward.specialty && <span className="muted"> · {ward.specialty}</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
      <HospitalDialog
        key={addingHospital.opening}
        open={addingHospital.open}
        busy={createHospital.isPending}
        problem={createHospital.error}
        onCancel={() => setAddingHospital((previous) => ({ ...previous, open: false }))}
        onSubmit={(body) =>
          createHospital.mutate(body, {
            onSuccess: (hospital) => {
              setAddingHospital((previous) => ({ ...previous, open: false }));
              setMessage({ tone: 'success', text: `${hospital.name} added. Add its wards next.` });
            },
          })
        }
      />
      {addingWard && (
        <WardDialog
          key={addingWard.opening}
          hospital={addingWard.hospital}
          open={addingWard.open}
          busy={createWard.isPending}
          problem={createWard.error}
          onCancel={() => setAddingWard((previous) => previous && { ...previous, open: false })}
          onSubmit={(body) =>
            createWard.mutate(body, {
              onSuccess: (ward) => {
                setAddingWard((previous) => previous && { ...previous, open: false });
                setMessage({ tone: 'success', text: `${ward.name} added to ${ward.hospitalName}.` });
              },
            })
          }
        />
      )}
    </section>
  );
}

import { ProblemError } from '@beacon/api-client';
import { useState } from 'react';
import { TextField } from '../../../components/fields';
import { FormDialog } from '../../../components/form-dialog';
import type { Hospital } from '../../../lib/hospitals';
import { useFormProblems } from '../../../lib/problems';
import type { CreateHospitalBody } from '../api/create-hospital';
import type { CreateWardBody } from '../api/create-ward';

interface DialogProps<T> {
  open: boolean;
  busy: boolean;
  problem: unknown;
  onSubmit: (body: T) => void;
  onCancel: () => void;
}

const HOSPITAL_FIELDS = {
  name: { id: 'hospital-name', label: 'Name' },
  address: { id: 'hospital-address', label: 'Address' },
};

export function HospitalDialog({ open, busy, problem, onSubmit, onCancel }: DialogProps<CreateHospitalBody>) {
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [checked, setChecked] = useState<unknown>(null);
  const { byField, summary } = useFormProblems(checked ?? problem, HOSPITAL_FIELDS);

  function submit() {
    if (!name.trim()) {
      setChecked(new ProblemError(400, { errors: [{ field: 'name', message: 'is required' }] }));
      return;
    }
    setChecked(null);
    onSubmit({ name: name.trim(), ...(address.trim() ? { address: address.trim() } : {}) });
  }

  return (
    <FormDialog
      open={open}
      title="Add a hospital"
      submitLabel="Add hospital"
      busyLabel="Adding…"
      busy={busy}
      problems={summary}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextField
        id={HOSPITAL_FIELDS.name.id}
        label="Name"
        hint="For example: Bradgate Mental Health Unit"
        autoComplete="off"
        maxLength={200}
        value={name}
        error={byField.name}
        onChange={(event) => setName(event.target.value)}
      />
      <TextField
        id={HOSPITAL_FIELDS.address.id}
        label="Address (optional)"
        autoComplete="off"
        maxLength={500}
        value={address}
        error={byField.address}
        onChange={(event) => setAddress(event.target.value)}
      />
    </FormDialog>
  );
}

const WARD_FIELDS = {
  name: { id: 'ward-name', label: 'Name' },
  specialty: { id: 'ward-specialty', label: 'Specialty' },
};

export function WardDialog({
  hospital,
  open,
  busy,
  problem,
  onSubmit,
  onCancel,
}: DialogProps<CreateWardBody> & { hospital: Hospital }) {
  const [name, setName] = useState('');
  const [specialty, setSpecialty] = useState('');
  const [checked, setChecked] = useState<unknown>(null);
  const { byField, summary } = useFormProblems(checked ?? problem, WARD_FIELDS);

  function submit() {
    if (!name.trim()) {
      setChecked(new ProblemError(400, { errors: [{ field: 'name', message: 'is required' }] }));
      return;
    }
    setChecked(null);
    onSubmit({
      hospitalId: hospital.id,
      name: name.trim(),
      ...(specialty.trim() ? { specialty: specialty.trim() } : {}),
    });
  }

  return (
    <FormDialog
      open={open}
      title={`Add a ward to ${hospital.name}`}
      submitLabel="Add ward"
      busyLabel="Adding…"
      busy={busy}
      problems={summary}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextField
        id={WARD_FIELDS.name.id}
        label="Name"
        hint="For example: Ashby Ward"
        autoComplete="off"
        maxLength={200}
        value={name}
        error={byField.name}
        onChange={(event) => setName(event.target.value)}
      />
      <TextField
        id={WARD_FIELDS.specialty.id}
        label="Specialty (optional)"
        hint="For example: acute adult, older people, low secure"
        autoComplete="off"
        maxLength={200}
        value={specialty}
        error={byField.specialty}
        onChange={(event) => setSpecialty(event.target.value)}
      />
    </FormDialog>
  );
}

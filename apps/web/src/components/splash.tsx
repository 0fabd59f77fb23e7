import { Loading } from './status';

/** While the session is being restored: the page's shape, without content to flash. */
export function Splash() {
  return (
    <div className="splash">
      <p className="brand brand--large">
        <span className="brand__mark" aria-hidden="true" />
        Beacon
      </p>
      <Loading label="Opening Beacon…" />
    </div>
  );
}

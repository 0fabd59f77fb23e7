import { Button } from '../../../components/button';
import { LiveRegion, Notice } from '../../../components/notice';
import { errorText } from '../../../lib/problems';
import { useVerifyAuditChain } from '../api/verify-audit-chain';

/** Asks the server to recompute every row's hash and says plainly whether the log is intact. */
export function VerifyChain() {
  const verify = useVerifyAuditChain();
  const result = verify.data;
  return (
    <div className="verify">
      <Button onClick={() => verify.mutate()} disabled={verify.isPending}>
        {verify.isPending ? 'Verifying…' : 'Verify chain'}
      </Button>
      <LiveRegion politeness={result && !result.ok ? 'assertive' : 'polite'}>
        {verify.isError ? (
          <Notice tone="error">
            <p>{errorText(verify.error)}</p>
          </Notice>
        ) : result?.ok ? (
          <Notice tone="success">
            <p>
              Chain verified: {result.checked} {result.checked === 1 ? 'event' : 'events'}, no breaks
            </p>
          </Notice>
        ) : result ? (
          <Notice tone="error" title="The audit chain is broken">
            <p>
              First broken event: <code className="id">{result.firstBrokenId ?? 'unknown'}</code>. The{' '}
              {result.checked} {result.checked === 1 ? 'event' : 'events'} before it are intact. Report this
              to your data protection lead.
            </p>
          </Notice>
        ) : null}
      </LiveRegion>
    </div>
  );
}

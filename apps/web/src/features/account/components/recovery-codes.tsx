import { useEffect, useRef, useState } from 'react';
import { Button } from '../../../components/button';
import { Notice } from '../../../components/notice';
import { saveFile } from '../../../lib/download';
import { formatLongDay } from '../../../lib/format';
import { RECOVERY_CODES_FILENAME, recoveryCodesFile } from '../utils/two-step';

/**
 * Recovery codes, shown this once: to copy, to download as a text file, and a button to say
 * they are saved. The heading takes focus when they appear, as the form before them is gone.
 */
export function RecoveryCodes({
  codes,
  account,
  level = 2,
  title = 'Save your recovery codes',
  onDone,
}: {
  codes: readonly string[];
  /** The email address the codes are for, named in the file. */
  account: string;
  level?: 2 | 3;
  title?: string;
  onDone: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const [status, setStatus] = useState<string | null>(null);
  const Heading = level === 2 ? 'h2' : 'h3';

  useEffect(() => {
    heading.current?.focus();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(`${codes.join('\n')}\n`);
      setStatus('The recovery codes are on your clipboard. Paste them somewhere safe.');
    } catch {
      // No clipboard here (permission, an older browser): select them to copy by hand.
      const selection = window.getSelection();
      if (list.current && selection) {
        selection.selectAllChildren(list.current);
        setStatus('The codes are selected: copy them with Ctrl+C (⌘C on a Mac).');
      } else {
        setStatus('The codes could not be copied. Download them as a text file instead.');
      }
    }
  }

  function download() {
    const text = recoveryCodesFile(codes, account, formatLongDay(new Date().toISOString()));
    saveFile(new Blob([text], { type: 'text/plain;charset=utf-8' }), RECOVERY_CODES_FILENAME);
    setStatus(`Downloaded ${RECOVERY_CODES_FILENAME}. Keep it somewhere safe, not on your phone.`);
  }

  return (
    <div className="recovery-codes">
      <Heading ref={heading} tabIndex={-1} className="subheading recovery-codes__title">
        {title}
      </Heading>
      <p>
        If you cannot use your authenticator app, for example because you lose your phone, you can sign in
        with one of these codes instead. Each code works once.
      </p>
      <Notice tone="warning" title="This is the only time they are shown">
        <p>
          Keep them somewhere safe, such as a password manager or a printed copy locked away. Do not keep them
          on the same phone as your authenticator app.
        </p>
      </Notice>
      <ol ref={list} className="recovery-codes__list" aria-label="Your recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="actions actions--tight">
        <Button onClick={copy}>
          Copy<span className="visually-hidden"> the recovery codes</span>
        </Button>
        <Button onClick={download}>Download as text file</Button>
      </div>
      <p className="field__hint recovery-codes__status" aria-live="polite">
        {status}
      </p>
      <div className="actions">
        <Button variant="primary" onClick={onDone}>
          I have saved my recovery codes
        </Button>
      </div>
    </div>
  );
}

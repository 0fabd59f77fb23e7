import { useEffect, useState } from 'react';
import { Loading } from '../../../components/status';
import { QR_QUIET_ZONE, qrPath } from '../utils/qr';

type Drawing = { text: string; size: number; path: string } | { text: string; failed: true };

/**
 * A QR code drawn as SVG shapes by React: no markup strings and no data: URLs, so it needs
 * nothing from the strict CSP. The encoder is fetched when first needed, keeping it out of the
 * bundle everyone loads.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const [drawing, setDrawing] = useState<Drawing | null>(null);

  useEffect(() => {
    let current = true;
    import('qrcode-generator')
      .then(({ default: qrcode }) => {
        // Automatic size; error correction M, as authenticator apps expect.
        const qr = qrcode(0, 'M');
        qr.addData(text, 'Byte');
        qr.make();
        const size = qr.getModuleCount();
        if (current) setDrawing({ text, size, path: qrPath(size, (row, col) => qr.isDark(row, col)) });
      })
      .catch(() => {
        if (current) setDrawing({ text, failed: true });
      });
    return () => {
      current = false;
    };
  }, [text]);

  const shown = drawing?.text === text ? drawing : null;
  if (!shown) {
    return (
      <div className="qr qr--waiting">
        <Loading label="Drawing the QR code…" />
      </div>
    );
  }
  if ('failed' in shown) {
    return (
      <p className="qr qr--failed" role="status">
        The QR code could not be shown. Enter the key below into the app instead.
      </p>
    );
  }
  const side = shown.size + 2 * QR_QUIET_ZONE;
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${side} ${side}`}
      shapeRendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={shown.path} fill="#000" />
    </svg>
  );
}

/** The blank border a QR code needs around it to be read (4 modules, ISO/IEC 18004). */
export const QR_QUIET_ZONE = 4;

/**
 * An SVG path drawing the dark modules of a QR code, one rectangle per run of dark modules in a
 * row, each module one unit, offset by the quiet zone. `size` is the modules a side.
 */
export function qrPath(size: number, isDark: (row: number, col: number) => boolean): string {
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && isDark(row, col)) col++;
      parts.push(`M${start + QR_QUIET_ZONE} ${row + QR_QUIET_ZONE}h${col - start}v1h-${col - start}z`);
    }
  }
  return parts.join('');
}

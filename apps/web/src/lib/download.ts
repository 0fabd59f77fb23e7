/**
 * Saves a file the app fetched (with the access token, so not a plain link): an object URL on a
 * temporary download link, clicked and then released. No inline script, no new window.
 */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is released once it has been read.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A filename part from free text: lower case letters, digits and single dashes. */
export function fileSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

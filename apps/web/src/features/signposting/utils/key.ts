/**
 * A directory key from an entry's name, as the API wants keys (UPPER_SNAKE, 2–50 characters,
 * starting with a letter): "Age UK Leicester" → "AGE_UK_LEICESTER". Accents are dropped.
 */
export function keyFromName(name: string): string {
  const key = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/&/g, ' AND ')
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^[^A-Z]+/, '')
    .slice(0, 50)
    .replace(/_+$/, '');
  return key.length >= 2 ? key : '';
}

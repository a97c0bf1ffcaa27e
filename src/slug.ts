/**
 * A filesystem-safe directory or file name from free text: ASCII letters and
 * digits joined by single dashes, lower case, at most `maxLength` characters.
 * Empty when the text has no letters or digits at all.
 */
export function slugify(text: string, maxLength = 80): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, '');
}

import { slugify } from '../slug.ts';

/** Values a YAML front-matter field may hold; a map (one level, e.g. a Notion row's properties) holds the others. */
export type FrontMatterScalar = string | number | boolean | null | readonly string[];
export type FrontMatterValue = FrontMatterScalar | Readonly<Record<string, FrontMatterScalar>>;

const plainScalar = /^[A-Za-z_/][\w ./@#+()-]*$/;
const yamlWords = /^(true|false|yes|no|on|off|null|~|y|n)$/i;

/** A string as a YAML scalar: plain when that is unambiguous, else double-quoted (JSON escapes are valid YAML). */
function scalar(value: string): string {
  const plain = plainScalar.test(value) && !yamlWords.test(value) && !value.endsWith(' ') && !value.includes(' #');
  return plain ? value : JSON.stringify(value);
}

/**
 * YAML front matter between `---` lines, keys in the given order. Lists are
 * block sequences, absent values `null`; the output parses as YAML 1.2.
 */
export function frontMatter(fields: Readonly<Record<string, FrontMatterValue>>): string {
  const lines = ['---'];
  for (const [key, value] of Object.entries(fields)) lines.push(...entry(key, value, ''));
  lines.push('---');
  return `${lines.join('\n')}\n`;
}

function entry(key: string, value: FrontMatterValue, indent: string): string[] {
  if (value === null) return [`${indent}${key}: null`];
  if (typeof value === 'string') return [`${indent}${key}: ${scalar(value)}`];
  if (typeof value === 'number' || typeof value === 'boolean') return [`${indent}${key}: ${value}`];
  if (Array.isArray(value)) {
    const list = value as readonly string[];
    return list.length === 0 ? [`${indent}${key}: []`] : [`${indent}${key}:`, ...list.map((item) => `${indent}  - ${scalar(item)}`)];
  }
  // A map's keys are free text (a Notion property may be named "Due: date"), so they are quoted like values.
  const entries = Object.entries(value as Readonly<Record<string, FrontMatterScalar>>);
  if (entries.length === 0) return [`${indent}${key}: {}`];
  return [`${indent}${key}:`, ...entries.flatMap(([name, inner]) => entry(scalar(name), inner, `${indent}  `))];
}

/** A file name: a stable prefix (number, identifier, date) and a slug of the title, with its extension. */
export function fileNameOf(prefix: string, title: string, extension: string): string {
  const slug = slugify(title, 60);
  return `${prefix}${slug ? `_${slug}` : ''}.${extension}`;
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Text with Windows line ends normalised and one trailing newline. */
export function block(text: string | null | undefined): string {
  const trimmed = (text ?? '').replace(/\r\n?/g, '\n').trim();
  return trimmed ? `${trimmed}\n` : '';
}

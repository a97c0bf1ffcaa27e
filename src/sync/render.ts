import { slugify } from '../slug.ts';

/** Values a YAML front-matter field may hold. */
export type FrontMatterValue = string | number | boolean | null | readonly string[];

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
  for (const [key, value] of Object.entries(fields)) {
    if (value === null) lines.push(`${key}: null`);
    else if (typeof value === 'string') lines.push(`${key}: ${scalar(value)}`);
    else if (typeof value === 'number' || typeof value === 'boolean') lines.push(`${key}: ${value}`);
    else if (value.length === 0) lines.push(`${key}: []`);
    else lines.push(`${key}:`, ...value.map((entry) => `  - ${scalar(entry)}`));
  }
  lines.push('---');
  return `${lines.join('\n')}\n`;
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

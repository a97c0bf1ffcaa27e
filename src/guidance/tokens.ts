/**
 * Guidance text → tokens. Shapes that carry their own meaning (quoted phrases,
 * @handles, #channels, owner/name paths, e-mail addresses, ISO dates) stay whole;
 * contractions are opened ("isn't" → "is not") and possessives split ("alice's"
 * → "alice" "'s") so that the compiler sees plain words.
 */
export type TokenShape = 'word' | 'quoted' | 'handle' | 'channel' | 'email' | 'path' | 'punct';

export interface Token {
  /** As written, without quotes and without the `@` or `#` of a handle or channel. */
  text: string;
  /** Exactly as written, e.g. `#general`: what a vocabulary's value shapes are tested against. */
  raw: string;
  /** Lowercase, for matching. */
  norm: string;
  shape: TokenShape;
  /** Written with a capital letter: a hint that it is a name. */
  capitalised: boolean;
  /** Index of the hyphenated word this token was split from, if any ("high-priority"). */
  hyphenGroup?: number;
}

const pattern = new RegExp([
  String.raw`"(?<dq>[^"]+)"`,
  String.raw`“(?<cq>[^”]+)”`,
  String.raw`(?<![\p{L}\p{N}])'(?<sq>[^']+)'(?![\p{L}\p{N}])`,
  String.raw`(?<email>[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)`,
  String.raw`(?<handle>@[\p{L}\p{N}_.-]*[\p{L}\p{N}_])`,
  String.raw`(?<channel>#[\p{L}\p{N}_-]+)`,
  String.raw`(?<path>[\p{L}\p{N}_.-]+(?:/[\p{L}\p{N}_.-]+)+)`,
  String.raw`(?<word>[\p{L}\p{N}_$][\p{L}\p{N}_$.'’-]*)`,
  String.raw`(?<punct>[,;&|+()])`,
].join('|'), 'gu');

const contractions: Readonly<Record<string, readonly string[]>> = {
  "can't": ['can', 'not'], "won't": ['will', 'not'], "i'm": ['i', 'am'], "i've": ['i', 'have'], "i'd": ['i', 'would'],
  "i'll": ['i', 'will'], "let's": ['let', 'us'], "it's": ['it', 'is'], "that's": ['that', 'is'],
};

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(pattern)) {
    const groups = match.groups ?? {};
    const quoted = groups.dq ?? groups.cq ?? groups.sq;
    if (quoted !== undefined) {
      if (quoted.trim()) tokens.push(token(quoted.trim(), 'quoted'));
    } else if (groups.email) tokens.push(token(groups.email, 'email'));
    else if (groups.handle) tokens.push({ ...token(groups.handle.slice(1), 'handle'), raw: groups.handle });
    else if (groups.channel) tokens.push({ ...token(groups.channel.slice(1), 'channel'), raw: groups.channel });
    else if (groups.path) tokens.push(token(groups.path, 'path'));
    else if (groups.word) tokens.push(...words(groups.word, match.index));
    else if (groups.punct) tokens.push(token(groups.punct, 'punct'));
  }
  return tokens;
}

function token(text: string, shape: TokenShape): Token {
  return { text, raw: text, norm: text.toLowerCase(), shape, capitalised: /^\p{Lu}/u.test(text) };
}

/** One written word → word tokens: trailing dots dropped, contractions opened, hyphens split (`group` ties the parts). */
function words(raw: string, group: number): Token[] {
  const written = raw.replace(/’/g, "'").replace(/[.']+$/, '');
  if (!written) return [];
  const lower = written.toLowerCase();
  const opened = contractions[lower];
  if (opened) return opened.map((part, index) => ({ ...token(part, 'word'), capitalised: index === 0 && /^\p{Lu}/u.test(written) }));
  if (lower.endsWith("n't")) return [token(written.slice(0, -3), 'word'), token('not', 'word')];
  if (lower.endsWith("'s")) return [...words(written.slice(0, -2), group), token("'s", 'word')];
  if (/^\d{4}-\d{2}-\d{2}$/.test(written) || !written.includes('-') || /^\$/.test(written)) return [token(written, 'word')];
  const parts = written.split('-').filter(Boolean);
  if (parts.length < 2) return [token(parts[0] ?? written, 'word')];
  return parts.map((part) => ({ ...token(part, 'word'), hyphenGroup: group }));
}

/** The singular of an English plural, for matching vocabulary: issues → issue, replies → reply, prs → pr. */
export function singular(word: string): string {
  if (word.length <= 3 && !word.endsWith('s')) return word;
  if (/(ss|us|is|ws)$/.test(word)) return word;
  if (/ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(xes|ches|shes|sses)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && word.length > 2) return word.slice(0, -1);
  return word;
}

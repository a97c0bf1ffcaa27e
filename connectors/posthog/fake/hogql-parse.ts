/**
 * A strict parser for the part of HogQL the connector sends: one SELECT over
 * `events` with WHERE (AND, OR, comparisons, IN), GROUP BY, ORDER BY, LIMIT and
 * OFFSET, fields `uuid`, `event`, `timestamp`, `distinct_id`, `properties`,
 * `properties.<key>` and `person.properties.<key>`, and the functions
 * `count`, `max`, `min`, `toDate`, `toDateTime`. Anything else is a
 * `HogQLError`, which the fake answers as PostHog does: a 400.
 */
export class HogQLError extends Error {}

export type Expr =
  | { type: 'field'; chain: string[] }
  | { type: 'literal'; value: string | number }
  | { type: 'call'; name: string; args: Expr[] }
  | { type: 'compare'; op: string; left: Expr; right: Expr }
  | { type: 'in'; left: Expr; values: Expr[]; negate: boolean }
  | { type: 'and' | 'or'; parts: Expr[] };

export interface Column {
  expr: Expr;
  name: string;
}

export interface SelectQuery {
  columns: Column[];
  where: Expr | undefined;
  groupBy: Expr[];
  orderBy: { expr: Expr; desc: boolean }[];
  limit: number | undefined;
  offset: number;
}

export const functions: Readonly<Record<string, { aggregate: boolean; args: number }>> = {
  count: { aggregate: true, args: 0 }, max: { aggregate: true, args: 1 }, min: { aggregate: true, args: 1 },
  toDate: { aggregate: false, args: 1 }, toDateTime: { aggregate: false, args: 1 },
};
const fields = new Set(['uuid', 'event', 'timestamp', 'distinct_id', 'properties']);
const keywords = new Set(['select', 'from', 'where', 'and', 'or', 'not', 'in', 'group', 'by', 'order', 'asc', 'desc', 'limit', 'offset', 'as', 'join', 'having', 'union']);

type Token = { kind: 'word' | 'string' | 'number' | 'symbol'; text: string; at: number };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s+|(?<word>[A-Za-z_$][\w$]*)|(?<number>\d+)|'(?<string>(?:[^'\\]|\\.)*)'|(?<symbol><=|>=|!=|<>|[(),.*=<>])/y;
  for (let at = 0; at < source.length;) {
    pattern.lastIndex = at;
    const match = pattern.exec(source);
    if (!match) throw new HogQLError(`Syntax error at position ${at}: unexpected ${JSON.stringify(source[at])}`);
    const groups = match.groups!;
    if (groups.word !== undefined) tokens.push({ kind: 'word', text: groups.word, at });
    else if (groups.number !== undefined) tokens.push({ kind: 'number', text: groups.number, at });
    else if (groups.string !== undefined) tokens.push({ kind: 'string', text: groups.string.replace(/\\(.)/g, '$1'), at });
    else if (groups.symbol !== undefined) tokens.push({ kind: 'symbol', text: groups.symbol, at });
    at = pattern.lastIndex;
  }
  return tokens;
}

class Parser {
  readonly #tokens: Token[];
  #i = 0;

  constructor(source: string) {
    this.#tokens = tokenize(source);
  }

  #peek(): Token | undefined {
    return this.#tokens[this.#i];
  }

  #accept(text: string): boolean {
    const token = this.#peek();
    const matches = token !== undefined && (token.kind === 'word' ? token.text.toLowerCase() === text : token.kind === 'symbol' && token.text === text);
    if (matches) this.#i++;
    return matches;
  }

  #expect(text: string): void {
    if (!this.#accept(text)) this.#fail(`expected ${text.toUpperCase()}`);
  }

  #fail(message: string): never {
    const token = this.#peek();
    throw new HogQLError(`Syntax error at ${token ? `position ${token.at} ('${token.text}')` : 'end of query'}: ${message}`);
  }

  #integer(): number {
    const token = this.#peek();
    if (token?.kind !== 'number') this.#fail('expected a number');
    this.#i++;
    return Number(token.text);
  }

  select(): SelectQuery {
    this.#expect('select');
    const columns = this.#list(() => this.#column());
    this.#expect('from');
    const table = this.#peek();
    if (table?.kind !== 'word' || keywords.has(table.text.toLowerCase())) this.#fail('expected a table');
    if (table.text !== 'events') throw new HogQLError(`Unknown table \`${table.text}\`.`);
    this.#i++;
    const where = this.#accept('where') ? this.#or() : undefined;
    let groupBy: Expr[] = [];
    if (this.#accept('group')) {
      this.#expect('by');
      groupBy = this.#list(() => this.#value());
    }
    let orderBy: SelectQuery['orderBy'] = [];
    if (this.#accept('order')) {
      this.#expect('by');
      orderBy = this.#list(() => {
        const expr = this.#value();
        const desc = this.#accept('desc');
        if (!desc) this.#accept('asc');
        return { expr, desc };
      });
    }
    const limit = this.#accept('limit') ? this.#integer() : undefined;
    const offset = limit !== undefined && this.#accept('offset') ? this.#integer() : 0;
    if (this.#peek()) this.#fail('unsupported clause');
    return { columns, where, groupBy, orderBy, limit, offset };
  }

  #list<T>(item: () => T): T[] {
    const items = [item()];
    while (this.#accept(',')) items.push(item());
    return items;
  }

  #column(): Column {
    const start = this.#i;
    const expr = this.#value();
    if (this.#accept('as')) {
      const alias = this.#peek();
      if (alias?.kind !== 'word' || keywords.has(alias.text.toLowerCase())) this.#fail('expected an alias');
      this.#i++;
      return { expr, name: alias.text };
    }
    const name = expr.type === 'field' ? expr.chain.at(-1)! : this.#tokens.slice(start, this.#i).map((token) => token.text).join('');
    return { expr, name };
  }

  #or(): Expr {
    const parts = [this.#and()];
    while (this.#accept('or')) parts.push(this.#and());
    return parts.length === 1 ? parts[0]! : { type: 'or', parts };
  }

  #and(): Expr {
    const parts = [this.#condition()];
    while (this.#accept('and')) parts.push(this.#condition());
    return parts.length === 1 ? parts[0]! : { type: 'and', parts };
  }

  #condition(): Expr {
    if (this.#accept('(')) {
      const inner = this.#or();
      this.#expect(')');
      return inner;
    }
    const left = this.#value();
    const negate = this.#accept('not');
    if (this.#accept('in')) {
      this.#expect('(');
      const values = this.#list(() => this.#value());
      this.#expect(')');
      return { type: 'in', left, values, negate };
    }
    if (negate) this.#fail('expected IN');
    const op = this.#peek();
    if (op?.kind !== 'symbol' || !['=', '!=', '<>', '<', '<=', '>', '>='].includes(op.text)) this.#fail('expected a comparison');
    this.#i++;
    return { type: 'compare', op: op.text === '<>' ? '!=' : op.text, left, right: this.#value() };
  }

  #value(): Expr {
    const token = this.#peek();
    if (!token) this.#fail('expected a value');
    if (token.kind === 'string') {
      this.#i++;
      return { type: 'literal', value: token.text };
    }
    if (token.kind === 'number') return { type: 'literal', value: this.#integer() };
    if (token.kind !== 'word' || keywords.has(token.text.toLowerCase())) this.#fail('expected a value');
    this.#i++;
    if (this.#accept('(')) return this.#call(token.text);
    const chain = [token.text];
    while (this.#accept('.')) {
      const next = this.#peek();
      if (next?.kind !== 'word') this.#fail('expected a field name');
      this.#i++;
      chain.push(next.text);
    }
    return { type: 'field', chain };
  }

  #call(name: string): Expr {
    const known = functions[name];
    if (!known) throw new HogQLError(`Unsupported function call '${name}(...)'`);
    const args = this.#peek()?.text === ')' ? [] : this.#list(() => this.#value());
    this.#expect(')');
    if (args.length !== known.args) throw new HogQLError(`Function '${name}' expects ${known.args} argument${known.args === 1 ? '' : 's'}, found ${args.length}`);
    return { type: 'call', name, args };
  }
}

/** Whether a field chain names something on `events` (an alias is checked by the caller). */
export function isEventField(chain: readonly string[]): boolean {
  if (chain.length === 1) return fields.has(chain[0]!);
  if (chain[0] === 'properties') return chain.length === 2;
  return chain[0] === 'person' && chain[1] === 'properties' && chain.length === 3;
}

export function parseSelect(source: string): SelectQuery {
  return new Parser(source).select();
}

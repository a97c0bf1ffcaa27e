import { Ajv } from 'ajv';
import { type Static, Type } from 'typebox';

/**
 * The compiled query of a smart folder: what the compiler, an explicit filter
 * and the optional model all produce, what the store evaluates (after `me` and
 * relative dates are resolved), and what explain and `.folder.json` show.
 * One JSON schema checks all three sources.
 */
const unit = Type.Enum(['minute', 'hour', 'day', 'week', 'month', 'year']);

/**
 * A point in time. `{ at }` is absolute (a date alone is local midnight). An
 * anchor is relative to the moment of evaluation: `now` (to the minute), or the
 * start of the current day, week (Monday), month, quarter or year; `weekday` (1 = Monday)
 * or `month` (1 = January) pick the start of the most recent such day or month,
 * the current one included; then `shift` units are added (negative: earlier).
 */
export const dateExprSchema = Type.Union([
  Type.Object({ at: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}(T[\\d:.]+(Z|[+-]\\d{2}:\\d{2})?)?$' }) }, { additionalProperties: false }),
  Type.Object({
    anchor: Type.Enum(['now', 'day', 'week', 'month', 'quarter', 'year']),
    weekday: Type.Optional(Type.Integer({ minimum: 1, maximum: 7 })),
    month: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
    shift: Type.Optional(Type.Integer({ minimum: -10_000, maximum: 10_000 })),
    unit: Type.Optional(unit),
  }, { additionalProperties: false }),
]);

const me = Type.Object({ me: Type.Literal(true) }, { additionalProperties: false });

/** `me` stands for the connected account and is resolved when the query runs. */
export const conditionSchema = Type.Union([
  Type.Object({
    field: Type.String({ minLength: 1, maxLength: 64 }),
    /** equals: the value (or a list element) equals one of `values`, ignoring case; contains: holds one as a substring. */
    op: Type.Enum(['equals', 'contains']),
    values: Type.Array(Type.Union([Type.String({ minLength: 1, maxLength: 200 }), me]), { minItems: 1, maxItems: 50 }),
    negate: Type.Boolean(),
  }, { additionalProperties: false }),
  Type.Object({
    field: Type.String({ minLength: 1, maxLength: 64 }),
    /** The field has a value (a non-empty list). */
    op: Type.Literal('exists'),
    negate: Type.Boolean(),
  }, { additionalProperties: false }),
  Type.Object({
    field: Type.String({ minLength: 1, maxLength: 64 }),
    /** A date field (ISO 8601 in UTC) is earlier than / at or after `date`. */
    op: Type.Enum(['before', 'since']),
    date: dateExprSchema,
    negate: Type.Boolean(),
  }, { additionalProperties: false }),
]);

/** Full-text: an item matches when its title or body contains any of `any` (words or phrases, stemmed). */
export const textTermSchema = Type.Object({
  any: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 20 }),
  negate: Type.Boolean(),
}, { additionalProperties: false });

export const compiledQuerySchema = Type.Object({
  /** Item kinds; empty means every kind. */
  kinds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 20 }),
  /** Every condition must hold. */
  where: Type.Array(conditionSchema, { maxItems: 50 }),
  /** The item's creation or modification time within [since, before). */
  date: Type.Union([
    Type.Object({
      field: Type.Enum(['created', 'updated']),
      since: Type.Union([dateExprSchema, Type.Null()]),
      before: Type.Union([dateExprSchema, Type.Null()]),
    }, { additionalProperties: false }),
    Type.Null(),
  ]),
  /** Every term must match. */
  text: Type.Array(textTermSchema, { maxItems: 20 }),
  sort: Type.Object({ by: Type.Enum(['updated', 'created', 'title']), order: Type.Enum(['asc', 'desc']) }, { additionalProperties: false }),
  limit: Type.Union([Type.Integer({ minimum: 1, maximum: 10_000 }), Type.Null()]),
}, { additionalProperties: false });

export type DateExpr = Static<typeof dateExprSchema>;
export type Condition = Static<typeof conditionSchema>;
export type ValueRef = string | { me: true };
export type TextTerm = Static<typeof textTermSchema>;
export type DateFilter = NonNullable<CompiledQuery['date']>;
export type CompiledQuery = Static<typeof compiledQuerySchema>;
export type TimeUnit = Static<typeof unit>;

export const defaultSort: CompiledQuery['sort'] = { by: 'updated', order: 'desc' };

export function emptyQuery(): CompiledQuery {
  return { kinds: [], where: [], date: null, text: [], sort: { ...defaultSort }, limit: null };
}

const validate = new Ajv({ allErrors: false, strict: false }).compile<CompiledQuery>(compiledQuerySchema);

/** Checks the shape only; `checkAgainstConnector` checks kinds and fields. Returns a problem or undefined. */
export function shapeProblem(value: unknown): string | undefined {
  if (validate(value)) return undefined;
  const error = validate.errors?.[0];
  return error ? `${error.instancePath || 'query'} ${error.message ?? 'is invalid'}` : 'the query is invalid';
}

/** Whether a query is time-relative: its membership can change as time passes. */
export function isRelative(query: CompiledQuery): boolean {
  const relative = (expr: DateExpr | null) => expr !== null && 'anchor' in expr;
  return (query.date !== null && (relative(query.date.since) || relative(query.date.before)))
    || query.where.some((condition) => 'date' in condition && relative(condition.date));
}

/** Checks kinds and fields against what the integration declares (for queries from outside: a model). */
export function connectorProblem(query: CompiledQuery, connector: { kinds: ReadonlyArray<{ name: string }>; fields: Readonly<Record<string, unknown>> }): string | undefined {
  const kinds = connector.kinds.map((kind) => kind.name);
  const unknownKind = query.kinds.find((kind) => !kinds.includes(kind));
  if (unknownKind) return `unknown kind "${unknownKind}"; the integration has ${kinds.join(', ')}`;
  const unknownField = query.where.find((condition) => !(condition.field in connector.fields));
  if (unknownField) return `unknown field "${unknownField.field}"; the integration has ${Object.keys(connector.fields).join(', ')}`;
  return undefined;
}

import { type TSchema, Type } from 'typebox';
import { connectors } from '../../connectors/index.ts';

/**
 * Response shapes. Fastify serialises replies through these, so a field not
 * listed here (a sealed credential, an internal id) can never reach a client.
 */
const timestamp = Type.String({ description: 'ISO 8601, UTC' });
/** `type: [string, null]` rather than a union: the serialiser writes it directly instead of trying each branch. */
export const nullableString = Type.Unsafe<string | null>({ type: ['string', 'null'] });
const nullableTimestamp = nullableString;

export const workspaceSchema = Type.Object({
  external_id: Type.String(),
  name: Type.String(),
  created_at: timestamp,
  updated_at: timestamp,
});

const nullableCount = Type.Unsafe<number | null>({ type: ['integer', 'null'] });

/** A connection's sync: state, last error, progress of the current (or last) run, and when it runs next. */
export const connectionSyncSchema = Type.Object({
  status: Type.String({ description: 'pending, syncing, ok, rate_limited, auth_failed or error' }),
  last_error_code: nullableString,
  last_error: nullableString,
  items: Type.Integer({ description: 'live items stored' }),
  progress: Type.Object({ synced: Type.Integer(), total: nullableCount }),
  last_run: Type.Union([
    Type.Object({ added: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer(), deleted: Type.Integer() }),
    Type.Null(),
  ]),
  last_started_at: nullableTimestamp,
  last_finished_at: nullableTimestamp,
  last_success_at: nullableTimestamp,
  next_run_at: nullableTimestamp,
});

export const connectionSchema = Type.Object({
  external_id: Type.String(),
  workspace_id: Type.String(),
  integration_type: Type.String(),
  scope: nullableString,
  expires_at: nullableTimestamp,
  created_at: timestamp,
  updated_at: timestamp,
  /** Whom the credentials belong to, once a sync has validated them. Never a secret. */
  account: Type.Union([Type.Object({ id: Type.String(), name: Type.Optional(Type.String()), email: Type.Optional(Type.String()) }), Type.Null()]),
  sync: connectionSyncSchema,
});

const filterValue = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Array(Type.String(), { maxItems: 100 })]);
export const filterSchema = Type.Record(Type.String({ maxLength: 64 }), filterValue);

export const smartFolderSchema = Type.Object({
  external_id: Type.String(),
  workspace_id: Type.String(),
  integration: Type.String(),
  name: Type.String(),
  path: Type.String(),
  guidance: nullableString,
  filter: Type.Union([filterSchema, Type.Null()]),
  created_at: timestamp,
  updated_at: timestamp,
});

export const tokenSchema = Type.Object({
  external_id: Type.String(),
  workspace_id: Type.String(),
  name: Type.String(),
  created_at: timestamp,
  expires_at: nullableTimestamp,
  last_used_at: nullableTimestamp,
});

export const errorSchema = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String() }),
});

export function listOf<T extends TSchema>(item: T) {
  return Type.Object({ data: Type.Array(item) });
}

/** Request pieces shared by several routes. */
export const integrationTypeSchema = Type.Enum(connectors.map((connector) => connector.id));
export const nameSchema = Type.String({ minLength: 1, maxLength: 200 });
export const workspaceParams = Type.Object({ workspaceId: Type.String({ minLength: 1, maxLength: 100 }) });

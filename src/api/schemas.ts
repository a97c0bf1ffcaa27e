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

export const connectionSchema = Type.Object({
  external_id: Type.String(),
  workspace_id: Type.String(),
  integration_type: Type.String(),
  scope: nullableString,
  expires_at: nullableTimestamp,
  created_at: timestamp,
  updated_at: timestamp,
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
  output_format: Type.String(),
  file_ext: nullableString,
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

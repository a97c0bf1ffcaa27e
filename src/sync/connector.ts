/**
 * What every connector declares about itself. Declarative only: no I/O here.
 * The sync half of the interface (cursor, sync, render) arrives with the sync
 * engine; smart folders already validate explicit filters against `fields`.
 */
export type FieldType = 'string' | 'string[]' | 'enum' | 'boolean' | 'number' | 'date';

export interface FieldDefinition {
  type: FieldType;
  description: string;
  /** Allowed values of an `enum` field. */
  values?: readonly string[];
}

export interface KindDefinition {
  /** The kind as stored on items, e.g. `pull_request`. */
  name: string;
  /** Other words a filter's `type` may use for it, e.g. `prs`, `pulls`. */
  aliases: readonly string[];
}

/** A credential field of a connection request. */
export type CredentialField = 'accessToken' | 'apiKey';

export interface ConnectorDefinition {
  id: string;
  displayName: string;
  /** A connection needs at least one of these. */
  credentials: readonly CredentialField[];
  kinds: readonly KindDefinition[];
  fields: Readonly<Record<string, FieldDefinition>>;
}

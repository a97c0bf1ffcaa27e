import type { ConnectorDefinition } from './connector.ts';

/**
 * An item's metadata with every field its connector declares: one it left out is
 * null (no value). Smart folders read "without an assignee" from that, so an item
 * must not drop a field just because it has nothing in it.
 */
export function declaredMetadata(connector: Pick<ConnectorDefinition, 'fields'>): (metadata: Record<string, unknown>) => Record<string, unknown> {
  const noValues = Object.fromEntries(Object.keys(connector.fields).map((field) => [field, null]));
  return (metadata) => ({ ...noValues, ...metadata });
}

import type { ConnectorDefinition } from '../src/sync/connector.ts';
import { gdrive } from './gdrive/index.ts';
import { github } from './github/index.ts';
import { gmail } from './gmail/index.ts';
import { linear } from './linear/index.ts';
import { notion } from './notion/index.ts';
import { posthog } from './posthog/index.ts';
import { slack } from './slack/index.ts';

/** The registry: adding an integration is its folder plus one line here. */
export const connectors = [gmail, gdrive, github, notion, linear, slack, posthog] as const satisfies readonly ConnectorDefinition[];

export type IntegrationType = (typeof connectors)[number]['id'];

export const integrationTypes: readonly IntegrationType[] = connectors.map((connector) => connector.id);

export function isIntegrationType(value: string): value is IntegrationType {
  return (integrationTypes as readonly string[]).includes(value);
}

export function connectorFor(integration: IntegrationType): ConnectorDefinition {
  return connectors.find((connector) => connector.id === integration)!;
}

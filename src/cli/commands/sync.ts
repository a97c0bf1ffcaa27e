import type { Command } from 'commander';
import { setTimeout as delay } from 'node:timers/promises';
import type Airstore from '../../sdk/index.ts';
import type { Connection } from '../../sdk/types.ts';
import { agentClient } from '../client.ts';
import { exitCodes } from '../exit-codes.ts';
import { type OutputOptions, note, printList } from '../output.ts';

type Globals = OutputOptions & { server?: string };

/** One line per connection: what `status` and `sync` print about syncs. */
export function syncRows(connections: readonly Connection[]) {
  return connections.map((connection) => ({
    connection: connection.external_id,
    integration: connection.integration_type,
    status: connection.sync.status,
    items: connection.sync.items,
    last_success: connection.sync.last_success_at,
    error: connection.sync.last_error,
  }));
}

export const syncColumns = ['connection', 'integration', 'status', 'items', 'last_success', 'error'];

function progressLine(connection: Connection): string {
  const { synced, total } = connection.sync.progress;
  return `${connection.integration_type}: ${connection.sync.status}, ${synced}${total === null ? '' : ` of ~${total}`} items this run`;
}

/** Polls until each connection in `ids` has finished a run begun at or after `since`, noting progress on stderr. */
export async function waitForRuns(client: Airstore, workspaceId: string, ids: ReadonlySet<string>, since: number): Promise<Connection[]> {
  for (;;) {
    const connections = (await client.connections.list(workspaceId)).filter((connection) => ids.has(connection.external_id));
    const running = connections.filter((connection) => {
      const started = Date.parse(connection.sync.last_started_at ?? '') || 0;
      const finished = Date.parse(connection.sync.last_finished_at ?? '') || -1;
      return finished < started || finished < since;
    });
    if (running.length === 0) return connections;
    for (const connection of running) note(progressLine(connection));
    await delay(1000);
  }
}

export function registerSync(program: Command): void {
  program
    .command('sync <workspace> [connection]')
    .description('sync a connection now (every syncing connection of the workspace without one)')
    .option('--full', 'a full listing, which also removes items deleted at the provider')
    .option('--wait', 'show progress until the sync ends; exit 1 if it did not end ok')
    .action(async (workspaceId: string, connectionId: string | undefined, options: { full?: boolean; wait?: boolean }, command: Command) => {
      const globals = command.optsWithGlobals<Globals>();
      const client = agentClient(globals);
      const since = Date.now();
      const targets = connectionId ? [connectionId] : (await client.connections.list(workspaceId)).map((connection) => connection.external_id);
      const started: Connection[] = [];
      for (const id of targets) {
        started.push(await client.connections.sync(workspaceId, id, { full: options.full ?? false }));
      }
      const ids = new Set(started.map((connection) => connection.external_id));
      const ended = options.wait ? await waitForRuns(client, workspaceId, ids, since) : started;
      printList(globals, globals.json ? ended : syncRows(ended), syncColumns);
      if (options.wait && ended.some((connection) => connection.sync.status !== 'ok')) process.exitCode = exitCodes.failure;
    });
}

import type { Command } from 'commander';
import { readAgentInfo } from '../../agent.ts';
import { resolveDataDir } from '../../config.ts';
import { runningMounts } from '../../fs/mount-state.ts';
import type Airstore from '../../sdk/index.ts';
import { agentClient } from '../client.ts';
import type { OutputOptions } from '../output.ts';
import { daemonPid } from './daemon.ts';

interface ConnectionStatus {
  workspace: string;
  integration: string;
  connection: string;
  sync: unknown;
}

/** Each connection of every workspace the key can see, with its sync state; empty when the agent cannot say. */
async function connectionStatuses(client: Airstore): Promise<ConnectionStatus[]> {
  const statuses: ConnectionStatus[] = [];
  for (const workspace of await client.workspaces.list()) {
    for (const connection of await client.connections.list(workspace.external_id)) {
      statuses.push({
        workspace: workspace.external_id,
        integration: connection.integration_type,
        connection: connection.external_id,
        sync: (connection as { sync?: unknown }).sync ?? null,
      });
    }
  }
  return statuses;
}

function describeSync(sync: unknown): string {
  if (!sync || typeof sync !== 'object') return 'unknown';
  const { status, last_error: lastError } = sync as { status?: string; last_error?: string | null };
  return lastError ? `${status}: ${lastError}` : (status ?? 'unknown');
}

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('whether the agent runs, what is mounted where, and each connection\'s sync state')
    .action(async (_options, command: Command) => {
      const globals = command.optsWithGlobals<OutputOptions & { server?: string }>();
      const dataDir = resolveDataDir();
      const agent = readAgentInfo(dataDir);
      const mounts = runningMounts(dataDir);
      let connections: ConnectionStatus[] = [];
      let connectionsError: string | null = null;
      if (agent || globals.server) {
        try {
          connections = await connectionStatuses(agentClient(globals));
        } catch (error) {
          connectionsError = (error as Error).message;
        }
      }
      const status = { data_dir: dataDir, agent: agent ?? null, daemon_pid: daemonPid(dataDir) ?? null, mounts, connections, connections_error: connectionsError };
      if (globals.json) {
        process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
        return;
      }
      const lines = [`agent: ${agent ? `running (pid ${agent.pid}) at ${agent.apiUrl}` : 'not running'}`];
      if (status.daemon_pid) lines.push(`daemon: pid ${status.daemon_pid}`);
      if (mounts.length === 0) lines.push('mounts: none');
      for (const mount of mounts) {
        const where = mount.mode === 'remote' ? ` from ${mount.server}${mount.online ? '' : ' (offline: serving the local cache)'}` : '';
        lines.push(`mount: ${mount.mountPoint} → ${mount.workspaceId}${where} (pid ${mount.pid})`);
      }
      for (const c of connections) lines.push(`connection: ${c.workspace} ${c.integration} ${c.connection}: ${describeSync(c.sync)}`);
      if (connectionsError) lines.push(`connections: unavailable (${connectionsError})`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}

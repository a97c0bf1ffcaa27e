import type { Command } from 'commander';
import { startAgent } from '../../agent.ts';
import { dataFiles, defaultHost, defaultPort, resolveDataDir } from '../../config.ts';
import { startIdleCollection } from '../idle-collection.ts';
import { note } from '../output.ts';
import { parsePort } from '../parse.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the agent in the foreground: store, sync and the local HTTP API')
    .option('--host <address>', 'address to listen on', defaultHost)
    .option('--port <port>', 'port to listen on (0 picks a free one)', parsePort, defaultPort)
    .option('--allow-host <name...>', 'host names besides loopback that clients may use (for a hub)')
    .option('--log-level <level>', 'fatal, error, warn, info, debug or trace', 'warn')
    .option('--manual-sync', 'sync only when asked (API or "airstore sync"), never on a schedule')
    .action(async (options: { host: string; port: number; allowHost?: string[]; logLevel: string; manualSync?: boolean }) => {
      // Before anything starts or is printed: a signal that came with no handler would kill the agent mid-way,
      // its notes unwritten and agent.json left behind. One that comes during startup stops it once started.
      const stopRequested = new Promise<void>((resolve) => {
        for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
      });
      const dataDir = resolveDataDir();
      const agent = await startAgent({
        dataDir,
        host: options.host,
        port: options.port,
        allowedHosts: options.allowHost,
        logLevel: options.logLevel,
        manualSync: options.manualSync,
      });
      process.stdout.write(`airstore agent listening on ${agent.apiUrl}\n`);
      note(`data directory: ${dataDir}`);
      if (agent.keys.adminKeySource === 'created') {
        note(`admin key (shown this once; the CLI on this machine reads it from ${dataFiles(dataDir).adminKey}):`);
        note(`  ${agent.keys.adminKey}`);
      } else {
        note(`admin key: ${agent.keys.adminKeySource === 'env' ? 'from AIRSTORE_ADMIN_KEY' : `in ${dataFiles(dataDir).adminKey}`}`);
      }
      const stopCollecting = startIdleCollection();
      await stopRequested;
      stopCollecting();
      note('stopping');
      await agent.close();
    });
}

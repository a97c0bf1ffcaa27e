import type { Command } from 'commander';
import { resolve } from 'node:path';
import { readAgentInfo } from '../../agent.ts';
import { apiUrlOf, defaultHost, defaultPort, resolveDataDir } from '../../config.ts';
import { AirstoreError } from '../../errors.ts';
import { mountWithLocalAgent } from '../../fs/local-mount.ts';
import { mountRemote } from '../../fs/remote-mount.ts';
import { exitCodes } from '../exit-codes.ts';
import { startIdleCollection } from '../idle-collection.ts';
import { note } from '../output.ts';
import { parsePort } from '../parse.ts';

interface MountCommandOptions {
  token?: string;
  server?: string;
  host: string;
  port: number;
}

export function registerMount(program: Command): void {
  program
    .command('mount <dir>')
    .description('mount a workspace at <dir> in the foreground until Ctrl-C or SIGTERM')
    .option('--token <token>', 'workspace token (default: AIRSTORE_TOKEN)')
    .option('--server <url>', 'mount from the agent at this API URL (a hub), with a local cache for offline reads')
    .option('--host <address>', 'address of the API of the agent this mount starts', defaultHost)
    .option('--port <port>', 'port of the API of the agent this mount starts (0 picks a free one)', parsePort, defaultPort)
    .action(async (dir: string, _options: MountCommandOptions, command: Command) => {
      // `--server` is also a global option of the CLI; whichever level parsed it, it means the same.
      const options = command.optsWithGlobals<MountCommandOptions>();
      const token = options.token || process.env.AIRSTORE_TOKEN;
      if (!token) throw new AirstoreError('token_required');
      const dataDir = resolveDataDir();
      const mountPoint = resolve(dir);
      // An agent already running on this data directory owns the store: mount through its API instead.
      const server = options.server ? apiUrlOf(options.server) : readAgentInfo(dataDir)?.apiUrl;
      const mount = server
        ? await mountRemote({ dataDir, mountPoint, token, server })
        : await mountWithLocalAgent({ dataDir, mountPoint, token, host: options.host, port: options.port });
      // Before the lines that tell it is mounted: a signal that came with no handler would kill it, leaving the mount stale.
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => mount.session.stop());
      process.stdout.write(`mounted workspace ${mount.workspace.name} (${mount.workspace.externalId}) at ${mountPoint}\n`);
      note(`API at ${mount.apiUrl} (Ctrl-C unmounts)`);
      const stopCollecting = startIdleCollection();
      const reason = await mount.session.ended;
      stopCollecting();
      if (reason === 'unauthorized') {
        note('airstore: the token was revoked or has expired; unmounted');
        process.exitCode = exitCodes.unauthorized;
      } else {
        note(`unmounted ${mountPoint}`);
      }
    });
}

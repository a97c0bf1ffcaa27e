import type { Command } from 'commander';
import { resolve } from 'node:path';
import { defaultHost, defaultPort, resolveDataDir } from '../../config.ts';
import { AirstoreError } from '../../errors.ts';
import { mountWithLocalAgent } from '../../fs/local-mount.ts';
import { exitCodes } from '../exit-codes.ts';
import { note } from '../output.ts';
import { parsePort } from '../parse.ts';

export function registerMount(program: Command): void {
  program
    .command('mount <dir>')
    .description('mount a workspace at <dir> in the foreground until Ctrl-C or SIGTERM')
    .option('--token <token>', 'workspace token (default: AIRSTORE_TOKEN)')
    .option('--host <address>', 'address of the API the mount\'s agent serves', defaultHost)
    .option('--port <port>', 'port of the API the mount\'s agent serves (0 picks a free one)', parsePort, defaultPort)
    .action(async (dir: string, options: { token?: string; host: string; port: number }) => {
      const token = options.token || process.env.AIRSTORE_TOKEN;
      if (!token) throw new AirstoreError('token_required');
      const mountPoint = resolve(dir);
      const mount = await mountWithLocalAgent({ dataDir: resolveDataDir(), mountPoint, token, host: options.host, port: options.port });
      process.stdout.write(`mounted workspace ${mount.workspace.name} (${mount.workspace.externalId}) at ${mountPoint}\n`);
      note(`API at ${mount.agent.apiUrl} (Ctrl-C unmounts)`);
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => mount.stop());
      const reason = await mount.ended;
      if (reason === 'unauthorized') {
        note('airstore: the token was revoked or has expired; unmounted');
        process.exitCode = exitCodes.unauthorized;
      } else {
        note(`unmounted ${mountPoint}`);
      }
    });
}

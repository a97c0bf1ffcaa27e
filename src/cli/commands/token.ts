import type { Command } from 'commander';
import { agentClient } from '../client.ts';
import { type OutputOptions, note, printList } from '../output.ts';
import { parseSeconds } from '../parse.ts';

type Globals = OutputOptions & { server?: string };

export function registerToken(program: Command): void {
  const token = program.command('token').description('mint, list and revoke workspace tokens (admin)');

  token
    .command('create <workspace>')
    .description('mint a token for mounting or scripting one workspace; prints the raw token once')
    .requiredOption('--name <name>', 'what the token is for, e.g. "ci-runner"')
    .option('--expires-in <seconds>', 'lifetime in seconds (0 = never)', parseSeconds, 0)
    .action(async (workspaceId: string, options: { name: string; expiresIn: number }, command: Command) => {
      const globals = command.optsWithGlobals<Globals>();
      const minted = await agentClient(globals).tokens.create(workspaceId, { name: options.name, expiresIn: options.expiresIn });
      if (globals.json) {
        process.stdout.write(`${JSON.stringify({ token: minted.token, info: minted.info }, null, 2)}\n`);
        return;
      }
      process.stdout.write(`${minted.token}\n`);
      note(`token ${minted.info.external_id} (${minted.info.name}): save it now, it is never shown again`);
      note(`mount with: airstore mount ~/airstore --token <token>`);
    });

  token.command('list <workspace>').description('list tokens (never their values)').action(async (workspaceId: string, _options, command: Command) => {
    const globals = command.optsWithGlobals<Globals>();
    const tokens = await agentClient(globals).tokens.list(workspaceId);
    printList(globals, tokens, ['external_id', 'name', 'created_at', 'expires_at', 'last_used_at']);
  });

  token
    .command('revoke <workspace> <token>')
    .description('revoke a token; it stops working on its next request')
    .action(async (workspaceId: string, tokenId: string, _options, command: Command) => {
      const globals = command.optsWithGlobals<Globals>();
      await agentClient(globals).tokens.revoke(workspaceId, tokenId);
      note(`revoked token ${tokenId}`);
    });
}

import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { integrationTypes, type IntegrationType } from '../../../connectors/index.ts';
import { agentClient } from '../client.ts';
import { type OutputOptions, note, printList, printObject } from '../output.ts';
import { collectKeyValue } from '../parse.ts';
import { syncColumns, syncRows } from './sync.ts';

type Globals = OutputOptions & { server?: string };

interface CredentialOptions {
  accessToken?: string;
  refreshToken?: string;
  apiKey?: string;
  extra?: Record<string, string>;
}

/** A secret given as `-` is read from stdin, so it never shows in `ps` or shell history. */
function secretValue(value: string | undefined): string | undefined {
  return value === '-' ? readFileSync(0, 'utf8').trim() : value;
}

/** The options `add` and `update` share: the credentials, each secret readable from stdin. */
function withCredentialOptions(command: Command, extraHelp: string): Command {
  return command
    .option('--access-token <token>', 'OAuth access token or personal access token ("-" reads stdin)')
    .option('--refresh-token <token>', 'OAuth refresh token ("-" reads stdin)')
    .option('--api-key <key>', 'API key for key-based integrations ("-" reads stdin)')
    .option('--extra <key=value>', `provider-specific setting, repeatable${extraHelp}`, collectKeyValue);
}

function credentialsOf(options: CredentialOptions): CredentialOptions {
  return { accessToken: secretValue(options.accessToken), refreshToken: secretValue(options.refreshToken), apiKey: secretValue(options.apiKey), extra: options.extra };
}

export function registerConnection(program: Command): void {
  const connection = program.command('connection').description('connect integrations to a workspace with existing credentials (admin)');

  withCredentialOptions(connection.command('add <workspace> <type>').description(`connect an integration (${integrationTypes.join(', ')})`), '')
    .option('--scope <scope>', 'OAuth scope string')
    .action(async (workspaceId: string, type: string, options: CredentialOptions & { scope?: string }, command: Command) => {
      const globals = command.optsWithGlobals<Globals>();
      const created = await agentClient(globals).connections.create(workspaceId, {
        integrationType: type as IntegrationType, ...credentialsOf(options), scope: options.scope,
      });
      printObject(globals, created);
    });

  withCredentialOptions(
    connection.command('update <workspace> <connection>')
      .description('replace some credentials (a rotated token), keeping the synced data; syncs with them at once'),
    '; replaces all the old ones',
  ).action(async (workspaceId: string, connectionId: string, options: CredentialOptions, command: Command) => {
    const globals = command.optsWithGlobals<Globals>();
    printObject(globals, await agentClient(globals).connections.update(workspaceId, connectionId, credentialsOf(options)));
  });

  connection.command('list <workspace>').description('list connections (never their credentials)').action(async (workspaceId: string, _options, command: Command) => {
    const globals = command.optsWithGlobals<Globals>();
    const connections = await agentClient(globals).connections.list(workspaceId);
    printList(globals, globals.json ? connections : syncRows(connections), syncColumns);
  });

  connection
    .command('remove <workspace> <connection>')
    .description('remove a connection, its credentials and its synced data')
    .action(async (workspaceId: string, connectionId: string, _options, command: Command) => {
      const globals = command.optsWithGlobals<Globals>();
      await agentClient(globals).connections.del(workspaceId, connectionId);
      note(`removed connection ${connectionId}`);
    });
}

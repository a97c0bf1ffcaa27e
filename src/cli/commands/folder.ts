import type { Command } from 'commander';
import { type IntegrationType } from '../../../connectors/index.ts';
import { agentClient } from '../client.ts';
import { type OutputOptions, note, printList, printObject } from '../output.ts';
import { parseJsonObject } from '../parse.ts';
import { registerFolderExplain } from './folder-explain.ts';

type Globals = OutputOptions & { server?: string };

interface DefinitionOptions {
  name?: string;
  guidance?: string;
  filter?: Record<string, string | number | boolean | string[]>;
}

function withDefinitionOptions(command: Command): Command {
  return command
    .option('--guidance <text>', 'plain-English description of what belongs in the folder')
    .option('--filter <json>', 'explicit filter instead of guidance, e.g. \'{"repo":"acme/api","type":"prs","state":"open"}\'', parseJsonObject);
}

export function registerFolder(program: Command): void {
  const folder = program.command('folder').description('manage smart folders');

  withDefinitionOptions(
    folder
      .command('create <workspace>')
      .description('create a smart folder from guidance or an explicit filter')
      .requiredOption('--integration <type>', 'integration whose items the folder holds')
      .requiredOption('--name <name>', 'display name; the directory is its slug'),
  ).action(async (workspaceId: string, options: DefinitionOptions & { integration: string; name: string }, command: Command) => {
    const globals = command.optsWithGlobals<Globals>();
    const { integration, ...definition } = options;
    printObject(globals, await agentClient(globals).smartFolders.create(workspaceId, { ...definition, integration: integration as IntegrationType }));
  });

  folder.command('list <workspace>').description('list smart folders').action(async (workspaceId: string, _options, command: Command) => {
    const globals = command.optsWithGlobals<Globals>();
    printList(globals, await agentClient(globals).smartFolders.list(workspaceId), ['external_id', 'path', 'name', 'guidance', 'filter']);
  });

  folder
    .command('show <workspace> <folder>')
    .description('show a smart folder by id (sq_…) or path (/github/open-prs)')
    .action(async (workspaceId: string, folderId: string, _options, command: Command) => {
      const globals = command.optsWithGlobals<Globals>();
      printObject(globals, await agentClient(globals).smartFolders.retrieve(workspaceId, folderId));
    });

  withDefinitionOptions(
    folder.command('update <workspace> <folder>').description('rename a smart folder or change its guidance or filter').option('--name <name>', 'new name'),
  ).action(async (workspaceId: string, folderId: string, options: DefinitionOptions, command: Command) => {
    const globals = command.optsWithGlobals<Globals>();
    const client = agentClient(globals);
    const current = await client.smartFolders.retrieve(workspaceId, folderId);
    printObject(globals, await client.smartFolders.update(workspaceId, current.external_id, options));
  });

  registerFolderExplain(folder);

  folder
    .command('delete <workspace> <folder>')
    .description('delete a smart folder by id or path (the synced items stay)')
    .action(async (workspaceId: string, folderId: string, _options, command: Command) => {
      const globals = command.optsWithGlobals<Globals>();
      const client = agentClient(globals);
      const current = await client.smartFolders.retrieve(workspaceId, folderId);
      await client.smartFolders.del(workspaceId, current.external_id);
      note(`deleted smart folder ${current.path}`);
    });
}

import type { Command } from 'commander';
import { agentClient } from '../client.ts';
import { type OutputOptions, note, printList, printObject } from '../output.ts';

type Globals = OutputOptions & { server?: string };
const columns = ['external_id', 'name', 'created_at'];

export function registerWorkspace(program: Command): void {
  const workspace = program.command('workspace').description('create, list and delete workspaces (admin)');

  workspace.command('create <name>').description('create a workspace').action(async (name: string, _options, command: Command) => {
    const globals = command.optsWithGlobals<Globals>();
    printObject(globals, await agentClient(globals).workspaces.create({ name }));
  });

  workspace.command('list').description('list workspaces').action(async (_options, command: Command) => {
    const globals = command.optsWithGlobals<Globals>();
    printList(globals, await agentClient(globals).workspaces.list(), columns);
  });

  workspace.command('show <workspace>').description('show one workspace').action(async (id: string, _options, command: Command) => {
    const globals = command.optsWithGlobals<Globals>();
    printObject(globals, await agentClient(globals).workspaces.retrieve(id));
  });

  workspace
    .command('delete <workspace>')
    .description('delete a workspace with its connections, smart folders, synced data and tokens')
    .action(async (id: string, _options, command: Command) => {
      const globals = command.optsWithGlobals<Globals>();
      await agentClient(globals).workspaces.del(id);
      note(`deleted workspace ${id}`);
    });
}

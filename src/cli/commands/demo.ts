import type { Command } from 'commander';
import { resolve } from 'node:path';
import { startIdleCollection } from '../idle-collection.ts';

export function registerDemo(program: Command): void {
  program
    .command('demo [dir]')
    .description('mount a workspace of sample data (local fakes of the integrations) at [dir] until Ctrl-C; removes it all after')
    .action(async (dir: string | undefined) => {
      // Loaded on use: the fakes and their sample data would otherwise sit in every agent's memory.
      const { runDemo } = await import('../../demo/run.ts');
      const stopCollecting = startIdleCollection();
      await runDemo(resolve(dir ?? 'airstore-demo'));
      stopCollecting();
    });
}

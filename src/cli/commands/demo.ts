import type { Command } from 'commander';
import { resolve } from 'node:path';
import { runDemo } from '../../demo/run.ts';

export function registerDemo(program: Command): void {
  program
    .command('demo [dir]')
    .description('mount a workspace of sample data (local fakes of the integrations) at [dir] until Ctrl-C; removes it all after')
    .action(async (dir: string | undefined) => {
      await runDemo(resolve(dir ?? 'airstore-demo'));
    });
}

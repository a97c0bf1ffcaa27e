#!/usr/bin/env -S node --max-semi-space-size=4 --expose-gc
// The shebang caps V8's young generation: the agent and mounts are long-lived, and the default lets the heap
// grow far past what they use; 4 MB semi-spaces also made a first sync faster than 8 (docs/BENCHMARKS.md).
// `--expose-gc` lets a long-lived command give memory back once it falls idle (idle-collection.ts). Test helpers,
// `npm start` and the single executable (build/) read and reuse these flags.
import { Command, CommanderError } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { registerConnection } from './commands/connection.ts';
import { registerDaemon } from './commands/daemon.ts';
import { registerDemo } from './commands/demo.ts';
import { registerFolder } from './commands/folder.ts';
import { registerMount } from './commands/mount.ts';
import { registerServe } from './commands/serve.ts';
import { registerStatus } from './commands/status.ts';
import { registerSync } from './commands/sync.ts';
import { registerToken } from './commands/token.ts';
import { registerWorkspace } from './commands/workspace.ts';
import { describeFailure, exitCodes } from './exit-codes.ts';

const program = new Command('airstore')
  .description('Your SaaS data as files: smart folders, a local HTTP API and a FUSE mount.')
  .version(pkg.version)
  .option('--json', 'print data as JSON')
  .option('--server <url>', 'API base URL of the agent (default: the agent running on this machine)')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

registerServe(program);
registerMount(program);
registerDaemon(program);
registerStatus(program);
registerWorkspace(program);
registerConnection(program);
registerFolder(program);
registerToken(program);
registerSync(program);
registerDemo(program);

// No top-level await: the single executable runs this module bundled as CommonJS (build/bundle.ts).
program.parseAsync().catch((error: unknown) => {
  if (error instanceof CommanderError) {
    // Help and version exit 0; commander has already printed the usage problem.
    process.exitCode = error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
  } else {
    const failure = describeFailure(error);
    process.stderr.write(`airstore: ${failure.line}\n`);
    process.exitCode = failure.exitCode;
  }
});

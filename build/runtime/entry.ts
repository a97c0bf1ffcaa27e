/**
 * The single executable's main script. `--version` answers before anything else
 * is evaluated (in the bundle, modules reached only through `import()` run when
 * imported); everything else is the CLI of `src/cli/main.ts`.
 */
import pkg from '../../package.json' with { type: 'json' };

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${pkg.version}\n`);
} else {
  // The CLI reports its own failures; this catches those of loading it (a native module that cannot load).
  import('../../src/cli/main.ts').catch(async (error: unknown) => {
    const { describeFailure } = await import('../../src/cli/exit-codes.ts');
    const failure = describeFailure(error);
    process.stderr.write(`airstore: ${failure.line}\n`);
    process.exitCode = failure.exitCode;
  });
}

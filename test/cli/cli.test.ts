import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { type TestAgent, call, cliEntry, removeDataDir, repoRoot, runtimeFlags, startAgent, tempDataDir } from '../helpers/agent.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `airstore …` as its own process, as a user would. */
function airstore(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<CliResult> {
  const child = spawn(process.execPath, [cliEntry, ...args], {
    env: { ...process.env, AIRSTORE_API_KEY: '', AIRSTORE_ADMIN_KEY: '', AIRSTORE_BASE_URL: '', ...options.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(options.input ?? '');
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('airstore CLI', () => {
  let agent: TestAgent;
  let env: NodeJS.ProcessEnv;
  const run = (...args: string[]) => airstore(args, { env });
  const json = async (...args: string[]) => {
    const result = await run('--json', ...args);
    assert.equal(result.code, 0, result.stderr);
    return JSON.parse(result.stdout);
  };

  before(async () => {
    agent = await startAgent();
    // Only the data directory: the CLI finds the agent's address and admin key there.
    env = { AIRSTORE_HOME: agent.dataDir };
  });
  after(async () => {
    await agent.stop();
    removeDataDir(agent.dataDir);
  });

  it('prints help for every command and exits 0', async () => {
    for (const args of [['--help'], ['workspace', '--help'], ['connection', 'add', '--help'], ['folder', 'create', '--help'], ['token', '--help'], ['serve', '--help']]) {
      const result = await run(...args);
      assert.equal(result.code, 0, args.join(' '));
      assert.match(result.stdout, /^Usage: airstore/m);
    }
    assert.match((await run('--version')).stdout, /^\d+\.\d+\.\d+/);
  });

  it('runs with the same Node flags from its shebang and from npm start (the demo) and npm run serve', () => {
    assert.deepEqual(runtimeFlags, ['--max-semi-space-size=4', '--expose-gc']);
    const { scripts } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    assert.equal(scripts.start, `node ${runtimeFlags.join(' ')} src/cli/main.ts demo`);
    assert.equal(scripts.serve, `node ${runtimeFlags.join(' ')} src/cli/main.ts serve`);
  });

  it('exits 2 on a usage error with a one-line reason', async () => {
    const unknown = await run('frobnicate');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command 'frobnicate'/);
    const missing = await run('token', 'create', 'ws_x');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /required option '--name <name>'/);
    assert.equal((await run('serve', '--port', 'eighty')).code, 2);
  });

  it('manages workspaces, connections, folders and tokens through the running agent', async () => {
    const workspace = await json('workspace', 'create', 'cli-team');
    assert.match(workspace.external_id, /^ws_/);
    assert.ok((await json('workspace', 'list')).some((w: { name: string }) => w.name === 'cli-team'));

    const connection = await airstore(['--json', 'connection', 'add', workspace.external_id, 'posthog', '--api-key', '-', '--extra', 'host=https://eu.posthog.com'], {
      env, input: 'phx_from_stdin_secret\n',
    });
    assert.equal(connection.code, 0, connection.stderr);
    assert.equal(JSON.parse(connection.stdout).integration_type, 'posthog');
    assert.ok(!connection.stdout.includes('phx_from_stdin_secret'));
    assert.deepEqual((await json('connection', 'list', workspace.external_id)).map((c: { integration_type: string }) => c.integration_type), ['posthog']);

    const folder = await json('folder', 'create', workspace.external_id, '--integration', 'posthog', '--name', 'Signups', '--guidance', 'signups in the last 7 days');
    assert.equal(folder.path, '/posthog/signups');
    const shown = await json('folder', 'show', workspace.external_id, '/posthog/signups');
    assert.equal(shown.external_id, folder.external_id);
    const updated = await json('folder', 'update', workspace.external_id, folder.external_id, '--filter', '{"type":"events","event":"signed_up"}');
    assert.deepEqual(updated.filter, { type: ['event'], event: 'signed_up' });
    const table = await run('folder', 'list', workspace.external_id);
    assert.match(table.stdout, /^EXTERNAL_ID\s+PATH\s+NAME/m);
    assert.match(table.stdout, /\/posthog\/signups/);

    const minted = await run('token', 'create', workspace.external_id, '--name', 'ci', '--expires-in', '3600');
    assert.equal(minted.code, 0, minted.stderr);
    const token = minted.stdout.trim();
    assert.match(token, /^tok_[A-Za-z0-9_-]{43}$/, 'stdout holds the raw token alone, for $(…)');
    assert.match(minted.stderr, /never shown again/);
    const tokens = await run('token', 'list', workspace.external_id);
    assert.ok(!tokens.stdout.includes(token));
    const tokenId = (await json('token', 'list', workspace.external_id))[0].external_id;
    assert.equal((await call(agent, 'GET', `/workspaces/${workspace.external_id}`, { key: token })).status, 200);
    assert.equal((await run('token', 'revoke', workspace.external_id, tokenId)).code, 0);
    assert.equal((await call(agent, 'GET', `/workspaces/${workspace.external_id}`, { key: token })).status, 401);

    assert.equal((await run('folder', 'delete', workspace.external_id, '/posthog/signups')).code, 0);
    assert.equal((await run('connection', 'remove', workspace.external_id, connection.stdout && JSON.parse(connection.stdout).external_id)).code, 0);
    assert.equal((await run('workspace', 'delete', workspace.external_id)).code, 0);
    assert.ok(!(await json('workspace', 'list')).some((w: { name: string }) => w.name === 'cli-team'));
  });

  it('exits with the documented code and one line naming the problem', async () => {
    const notFound = await run('workspace', 'show', 'ws_missing');
    assert.equal(notFound.code, 5);
    assert.equal(notFound.stderr, 'airstore: workspace not found: ws_missing (workspace_not_found)\n');

    await run('workspace', 'create', 'twice');
    const conflict = await run('workspace', 'create', 'twice');
    assert.equal(conflict.code, 6);
    assert.match(conflict.stderr, /workspace_exists/);

    const ws = (await json('workspace', 'list')).find((w: { name: string }) => w.name === 'twice').external_id;
    const invalid = await run('folder', 'create', ws, '--integration', 'github', '--name', 'x', '--filter', '{"colour":"red"}');
    assert.equal(invalid.code, 7);
    assert.match(invalid.stderr, /^airstore: invalid filter for github: unknown field "colour";.* \(invalid_filter\)\n$/);

    const bareServer = await airstore(['--json', 'workspace', 'list', '--server', new URL(agent.apiUrl).origin], { env });
    assert.equal(bareServer.code, 0, `a server given without /api/v1 is its API's origin: ${bareServer.stderr}`);
    assert.ok(JSON.parse(bareServer.stdout).some((w: { name: string }) => w.name === 'twice'));

    const unreachable = await airstore(['workspace', 'list', '--server', 'http://127.0.0.1:9/api/v1'], { env });
    assert.equal(unreachable.code, 3);
    assert.match(unreachable.stderr, /cannot reach/);

    const noKey = await airstore(['workspace', 'list'], { env: { AIRSTORE_HOME: tempDataDir(), AIRSTORE_BASE_URL: agent.apiUrl } });
    assert.equal(noKey.code, 4);

    const wrongKey = await airstore(['workspace', 'list'], { env: { ...env, AIRSTORE_API_KEY: 'tok_wrong' } });
    assert.equal(wrongKey.code, 4);
    assert.match(wrongKey.stderr, /invalid_token/);
    assert.ok(!wrongKey.stderr.includes('tok_wrong'), 'the key is never echoed');
  });
});

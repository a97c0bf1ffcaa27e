/**
 * The examples of the hosted product's SDK docs (../shared/seeds), verbatim but
 * for the import line, run against a real agent on a temporary data directory.
 * Each example sits between `seed-begin <file>` and `seed-end` markers; the first
 * test proves every marked block is a contiguous run of lines of that seed file.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Airstore from 'airstore/sdk';
import { dataFiles } from '../../src/config.ts';
import { hashTokenSecret } from '../../src/services/tokens.ts';
import { loadAgentKeys } from '../../src/secrets/agent-keys.ts';
import { openStore } from '../../src/store/index.ts';
import { type TestAgent, call, removeDataDir, repoRoot, startAgent, tempDataDir } from '../helpers/agent.ts';

const seedsDir = join(repoRoot, '..', 'shared', 'seeds');

/** The ids the examples hard-code, created in the store before the agent starts. */
function seedStore(dataDir: string): void {
  const { cipher } = loadAgentKeys(dataDir, {});
  const store = openStore(dataFiles(dataDir).database);
  const workspace = store.workspaces.create({ externalId: 'ws_abc123', name: 'abc123' });
  store.tokens.create({ externalId: 'tkn_abc123', workspaceId: workspace.id, name: 'old-vm', secretHash: hashTokenSecret('tok_seeded'), expiresAt: null });
  store.connections.create({
    externalId: 'conn_xyz789', workspaceId: workspace.id, integration: 'slack', scope: null,
    sealedCredentials: cipher.seal(JSON.stringify({ accessToken: 'xoxb-seeded' }), 'conn_xyz789'), expiresAt: null,
  });
  store.close();
}

const normalisedLines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

describe('the seed SDK examples against a real agent', () => {
  let agent: TestAgent;
  const savedEnv = { ...process.env };

  before(async () => {
    const dataDir = tempDataDir();
    seedStore(dataDir);
    agent = await startAgent({ dataDir });
    process.env.AIRSTORE_API_KEY = agent.adminKey;
    process.env.AIRSTORE_BASE_URL = agent.apiUrl;
  });
  after(async () => {
    process.env = savedEnv;
    await agent.stop();
    removeDataDir(agent.dataDir);
  });

  it('quotes each example verbatim from its seed document', () => {
    const source = readFileSync(import.meta.filename, 'utf8');
    const blocks = [...source.matchAll(/\/\/ seed-begin (\S+)\n([\s\S]*?)\/\/ seed-end/g)];
    assert.equal(blocks.length, 10);
    for (const [, file, block] of blocks) {
      const doc = normalisedLines(readFileSync(join(seedsDir, file!), 'utf8')).join('\n');
      const quoted = normalisedLines(block!).join('\n');
      assert.ok(doc.includes(quoted), `not verbatim in ${file}:\n${quoted}`);
    }
  });

  it('runs the mount-token examples', async (t) => {
    const log = t.mock.method(console, 'log', () => undefined);
    const airstore = new Airstore();
    {
      // seed-begin 000_874c7e4719814b01.txt
      const { token } = await airstore.tokens.create('ws_abc123', { name: 'vm-mount' })
      // Use: airstore mount ~/airstore --token <token>
      // seed-end
      assert.match(token, /^tok_/);
    }
    {
      // seed-begin 000_874c7e4719814b01.txt
      const airstore = new Airstore()

      const result = await airstore.tokens.create('ws_abc123', {
        name: 'production-vm',
      })

      console.log(result.token)            // "tok_xxxxxxxxxxxx" -- save this!
      console.log(result.info.external_id) // "tkn_abc123"
      console.log(result.info.name)        // "production-vm"
      // seed-end
      assert.deepEqual(log.mock.calls.map((c) => c.arguments[0]), [result.token, result.info.external_id, 'production-vm']);
      assert.equal((await call(agent, 'GET', '/whoami', { key: result.token })).body.workspace_id, 'ws_abc123');
    }
    {
      // seed-begin 000_874c7e4719814b01.txt
      const result = await airstore.tokens.create('ws_abc123', {
        name: 'ci-runner',
        expiresIn: 86400, // 24 hours in seconds
      })
      // seed-end
      assert.ok(Math.abs(Date.parse(result.info.expires_at!) - Date.now() - 86_400_000) < 60_000);
    }
    log.mock.resetCalls();
    {
      // seed-begin 000_874c7e4719814b01.txt
      const tokens = await airstore.tokens.list('ws_abc123')

      for (const t of tokens) {
        console.log(`${t.name} (${t.external_id}) -- last used: ${t.last_used_at ?? 'never'}`)
      }
      // seed-end
      const lines = log.mock.calls.map((c) => String(c.arguments[0]));
      assert.equal(lines.length, 4);
      assert.ok(lines.includes('old-vm (tkn_abc123) -- last used: never'), lines.join('\n'));
      assert.ok(lines.some((line) => /^production-vm \(tkn_\w+\) -- last used: \d{4}-/.test(line)), 'a used token shows when');
    }
    {
      // seed-begin 000_874c7e4719814b01.txt
      await airstore.tokens.revoke('ws_abc123', 'tkn_abc123')
      // seed-end
      const listed = (await call(agent, 'GET', '/workspaces/ws_abc123/tokens', { key: agent.adminKey })).body.data;
      assert.ok(!listed.some((token: { external_id: string }) => token.external_id === 'tkn_abc123'));
      assert.equal((await call(agent, 'GET', '/workspaces/ws_abc123', { key: 'tok_seeded' })).body.error.code, 'token_revoked');
    }
  });

  it('runs the connection examples', async () => {
    const airstore = new Airstore();
    {
      // seed-begin 003_1932772790b84e7c.txt
      await airstore.connections.create('ws_abc123', {
        integrationType: 'github',
        accessToken: 'ghp_xxxxxxxxxxxx',
      })
      // seed-end
    }
    {
      // seed-begin 003_1932772790b84e7c.txt
      // OAuth-based
      const connection = await airstore.connections.create('ws_abc123', {
        integrationType: 'gmail',
        accessToken: 'ya29.xxx',
        refreshToken: '1//xxx',
        scope: 'https://www.googleapis.com/auth/gmail.readonly',
      })

      // API key-based
      const phConnection = await airstore.connections.create('ws_abc123', {
        integrationType: 'posthog',
        apiKey: 'phx_xxxxxxxxxxxx',
      })
      // seed-end
      assert.match(connection.external_id, /^conn_/);
      assert.equal(connection.workspace_id, 'ws_abc123');
      assert.equal(connection.integration_type, 'gmail');
      assert.equal(connection.scope, 'https://www.googleapis.com/auth/gmail.readonly');
      assert.ok(!JSON.stringify(connection).includes('ya29.xxx') && !JSON.stringify(phConnection).includes('phx_'));
      assert.equal(phConnection.integration_type, 'posthog');
    }
    {
      // seed-begin 003_1932772790b84e7c.txt
      const connections = await airstore.connections.list('ws_abc123')
      // seed-end
      assert.deepEqual(connections.map((c) => c.integration_type).sort(), ['github', 'gmail', 'posthog', 'slack']);
    }
    {
      // seed-begin 003_1932772790b84e7c.txt
      await airstore.connections.del('ws_abc123', 'conn_xyz789')
      // seed-end
      const left = (await call(agent, 'GET', '/workspaces/ws_abc123/connections', { key: agent.adminKey })).body.data;
      assert.deepEqual(left.map((c: { integration_type: string }) => c.integration_type).sort(), ['github', 'gmail', 'posthog']);
    }
  });

  it('runs the full provisioning flow, whose token then reaches the workspace', async () => {
    process.env.GITHUB_TOKEN = 'ghp_provisioning';
    // seed-begin 000_874c7e4719814b01.txt
    const airstore = new Airstore()

    async function provisionVM(userName: string) {
      // 1. Create workspace
      const ws = await airstore.workspaces.create({ name: `vm-${userName}` })

      // 2. Connect GitHub with an existing token
      await airstore.connections.create(ws.external_id, {
        integrationType: 'github',
        accessToken: process.env.GITHUB_TOKEN!,
      })

      // 3. Create a smart folder for open PRs
      await airstore.smartFolders.create(ws.external_id, {
        integration: 'github',
        name: 'Open PRs',
        guidance: 'open pull requests that need review',
      })

      // 4. Generate a mount token
      const { token } = await airstore.tokens.create(ws.external_id, {
        name: 'vm-mount',
      })

      return {
        workspaceId: ws.external_id,
        mountCommand: `airstore mount ~/airstore --token ${token}`,
      }
    }
    // seed-end
    const { workspaceId, mountCommand } = await provisionVM('alice');
    const token = /--token (tok_\S+)$/.exec(mountCommand)?.[1];
    assert.ok(token, mountCommand);
    const folders = await call(agent, 'GET', `/workspaces/${workspaceId}/smart-folders`, { key: token });
    assert.equal(folders.status, 200);
    assert.deepEqual(folders.body.data.map((f: { path: string; guidance: string }) => [f.path, f.guidance]), [
      ['/github/open-prs', 'open pull requests that need review'],
    ]);
    const connections = await call(agent, 'GET', `/workspaces/${workspaceId}/connections`, { key: token });
    assert.deepEqual(connections.body.data.map((c: { integration_type: string }) => c.integration_type), ['github']);
    const workspaces = (await call(agent, 'GET', '/workspaces', { key: agent.adminKey })).body.data;
    assert.ok(workspaces.some((w: { name: string; external_id: string }) => w.name === 'vm-alice' && w.external_id === workspaceId));
  });
});

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type TestAgent, call, removeDataDir, startAgent } from '../helpers/agent.ts';

const secrets = {
  accessToken: 'ya29.SECRET-ACCESS-7f3a9c1e5b',
  refreshToken: '1//SECRET-REFRESH-0d4e8b2a6c',
  apiKey: 'phx_SECRET-APIKEY-93be17f0aa',
  clientSecret: 'GOCSPX-SECRET-CLIENT-55c1d2',
};

describe('credentials at rest and in replies', () => {
  let agent: TestAgent;
  let workspace: string;
  const replies: string[] = [];

  before(async () => {
    // The most verbose logging, to prove that not even debug logs carry a credential.
    agent = await startAgent({ args: ['--log-level', 'trace'] });
    workspace = (await call(agent, 'POST', '/workspaces', { key: agent.adminKey, body: { name: 'secrets' } })).body.external_id;
    const gmail = await call(agent, 'POST', `/workspaces/${workspace}/connections`, {
      key: agent.adminKey,
      body: {
        integrationType: 'gmail',
        accessToken: secrets.accessToken,
        refreshToken: secrets.refreshToken,
        scope: 'https://www.googleapis.com/auth/gmail.readonly',
        extra: { clientId: 'client.apps.googleusercontent.com', clientSecret: secrets.clientSecret },
      },
    });
    const posthog = await call(agent, 'POST', `/workspaces/${workspace}/connections`, {
      key: agent.adminKey, body: { integrationType: 'posthog', apiKey: secrets.apiKey },
    });
    const token = (await call(agent, 'POST', `/workspaces/${workspace}/tokens`, { key: agent.adminKey, body: { name: 'reader' } })).body.token;
    replies.push(
      JSON.stringify(gmail.body),
      JSON.stringify(posthog.body),
      JSON.stringify((await call(agent, 'GET', `/workspaces/${workspace}/connections`, { key: agent.adminKey })).body),
      JSON.stringify((await call(agent, 'GET', `/workspaces/${workspace}/connections`, { key: token })).body),
      JSON.stringify((await call(agent, 'GET', `/workspaces/${workspace}`, { key: agent.adminKey })).body),
    );
  });
  after(async () => {
    await agent.stop();
    removeDataDir(agent.dataDir);
  });

  it('returns connections with the seed fields and no credential', async () => {
    const listed = await call(agent, 'GET', `/workspaces/${workspace}/connections`, { key: agent.adminKey });
    const gmail = listed.body.data.find((c: { integration_type: string }) => c.integration_type === 'gmail');
    assert.deepEqual(Object.keys(gmail).sort(), [
      'account', 'created_at', 'expires_at', 'external_id', 'integration_type', 'scope', 'sync', 'updated_at', 'workspace_id',
    ]);
    assert.equal(gmail.workspace_id, workspace);
    assert.equal(gmail.scope, 'https://www.googleapis.com/auth/gmail.readonly');
  });

  it('never sends a credential in any reply', () => {
    for (const reply of replies) {
      for (const value of Object.values(secrets)) assert.ok(!reply.includes(value), `a reply leaked ${value.slice(0, 12)}…`);
    }
  });

  it('keeps no credential in plaintext in the database files, WAL included', async () => {
    const files = readdirSync(agent.dataDir).filter((name) => name.startsWith('airstore.db'));
    assert.ok(files.includes('airstore.db'));
    for (const name of files) {
      const bytes = readFileSync(join(agent.dataDir, name));
      for (const value of Object.values(secrets)) {
        assert.equal(bytes.indexOf(value), -1, `${name} holds ${value.slice(0, 12)}… in plaintext`);
        assert.equal(bytes.indexOf(Buffer.from(value, 'utf16le')), -1, `${name} holds ${value.slice(0, 12)}… as UTF-16`);
      }
    }
  });

  it('never writes a credential to its logs, even at trace level', () => {
    assert.match(agent.output(), /incoming request/, 'request logs were written');
    for (const value of Object.values(secrets)) assert.ok(!agent.output().includes(value));
  });

  it('keeps its key files and its database readable by the owner only', () => {
    for (const name of ['admin.key', 'secret.key', 'airstore.db', 'airstore.db-wal']) {
      assert.equal(statSync(join(agent.dataDir, name)).mode & 0o777, 0o600, name);
    }
    assert.equal(statSync(agent.dataDir).mode & 0o077, 0, 'the data directory is private');
  });
});

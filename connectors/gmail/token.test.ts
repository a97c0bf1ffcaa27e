import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { startAgent } from '../../src/agent.ts';
import { connectAgent, settled, syncNow, target } from '../../test/contract/harness.ts';
import { removeDataDir, tempDataDir } from '../../test/helpers/agent.ts';
import { gmailCase } from '../../test/contract/cases/gmail.ts';
import { GmailFake } from './fake/server.ts';
import { generateDataset } from './fake/dataset.ts';

describe('gmail token refresh through the agent', () => {
  const fake = new GmailFake(generateDataset({ messages: 30, seed: 2 }));
  const dataDir = tempDataDir();
  after(async () => {
    await fake.close();
    removeDataDir(dataDir);
  });

  it('refreshes an expired access token, stores the new one sealed, and uses it after a restart', async () => {
    await fake.listen();
    fake.expireAccessTokens();
    const connected = await connectAgent(gmailCase.connection(fake), { dataDir });
    const { workspace, connection, connectionId } = connected;
    try {
      const first = await settled(target(connected), workspace, connection);
      assert.equal(first.status, 'ok', JSON.stringify(first));
      assert.equal(first.items, fake.messages().length);
      assert.equal(fake.tokensIssued, 1);
      const record = connected.agent.store.connections.findById(connectionId)!;
      assert.ok(record.expiresAt! > Date.now() + 3_000_000, 'the new expiry is stored');
      assert.ok(!record.sealedCredentials.includes('ya29.fake-access-token-1'), 'the new token is stored sealed');
    } finally {
      await connected.close();
    }

    const agent = await startAgent({ dataDir, host: '127.0.0.1', port: 0, env: {}, logLevel: 'silent' });
    try {
      await settled({ apiUrl: agent.apiUrl, adminKey: agent.keys.adminKey }, workspace, connection);
      fake.clearLog();
      fake.deliver();
      const again = await syncNow({ agent, workspace, connection, connectionId, close: () => agent.close() });
      assert.equal(again.status, 'ok', JSON.stringify(again));
      assert.equal(fake.tokensIssued, 1, 'the stored token is used: no refresh');
      assert.equal(fake.requests.filter((request) => request.status === 401).length, 0);
      assert.equal(again.items, fake.messages().length);
    } finally {
      await agent.close();
    }
  });
});

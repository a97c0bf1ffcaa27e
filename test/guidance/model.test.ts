import assert from 'node:assert/strict';
import { once } from 'node:events';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { SmartFolderEngine } from '../../src/guidance/engine.ts';
import { ChatCompletionsModel, modelFromEnv } from '../../src/guidance/model.ts';
import type { ConnectionRecord } from '../../src/store/connections.ts';
import { type Store, openStore } from '../../src/store/index.ts';

/** A local stand-in for an OpenAI-compatible chat-completions endpoint (Ollama, vLLM…). */
interface FakeModel {
  url: string;
  requests: Array<{ path: string; body: any }>;
  answer: { status: number; content: string };
  server: Server;
}

async function startFakeModel(): Promise<FakeModel> {
  const fake: FakeModel = { url: '', requests: [], answer: { status: 200, content: '{}' }, server: createServer() };
  fake.server.on('request', async (request, response) => {
    let text = '';
    for await (const chunk of request) text += chunk;
    fake.requests.push({ path: request.url ?? '', body: JSON.parse(text) });
    response.writeHead(fake.answer.status, { 'content-type': 'application/json' });
    response.end(JSON.stringify({
      id: 'chatcmpl-1', object: 'chat.completion', model: 'test',
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: fake.answer.content } }],
    }));
  });
  fake.server.listen(0, '127.0.0.1');
  await once(fake.server, 'listening');
  fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}/v1`;
  return fake;
}

const openIssues = {
  kinds: ['issue'], where: [{ field: 'state', op: 'equals', values: ['open'], negate: false }], date: null, text: [],
  sort: { by: 'updated', order: 'desc' }, limit: null,
};

describe('optional model (AIRSTORE_LLM_URL)', () => {
  let fake: FakeModel;
  let store: Store;
  let github: ConnectionRecord;
  let engine: SmartFolderEngine;
  let sequence = 0;

  const folder = (guidance: string) => store.smartFolders.create({
    externalId: `sq_m${++sequence}`, workspaceId: github.workspaceId, integration: 'github', name: `m ${sequence}`, slug: `m-${sequence}`,
    guidance, filter: null,
  });
  const members = (id: number) => store.folderItems.items(id).map((item) => item.externalId).sort();

  before(async () => {
    fake = await startFakeModel();
  });
  after(() => fake.server.close());
  beforeEach(() => {
    fake.requests = [];
    store = openStore(':memory:');
    const workspace = store.workspaces.create({ externalId: 'ws_model', name: 'model' });
    github = store.connections.create({
      externalId: 'conn_gh', workspaceId: workspace.id, integration: 'github', scope: null, sealedCredentials: Buffer.from('x'), expiresAt: null,
    });
    for (const [id, state] of [['1', 'open'], ['2', 'closed'], ['3', 'open']] as const) {
      store.items.upsert({
        connectionId: github.id, kind: 'issue', externalId: id, title: `issue ${id}`, fileName: `${id}.md`, body: '',
        metadata: { state }, content: null, createdAt: 1, updatedAt: 1,
      });
    }
    engine = new SmartFolderEngine(store, { model: new ChatCompletionsModel({ url: fake.url, model: 'test-model' }) });
  });

  it('asks the model about guidance the compiler cannot use, and evaluates its validated query', async () => {
    fake.answer = { status: 200, content: JSON.stringify(openIssues) };
    const vague = folder('the ones that are there');
    engine.refresh(vague);
    assert.deepEqual(members(vague.id), [], 'empty until the model answers');
    await engine.settled();
    assert.deepEqual(members(vague.id), ['1', '3']);
    const explanation = engine.explain(store.smartFolders.findById(vague.id)!);
    assert.equal(explanation.source, 'model');
    assert.equal(explanation.model?.used, true);
    assert.equal(explanation.usable, true);
    assert.equal(fake.requests.length, 1);
    const [request] = fake.requests;
    assert.equal(request!.path, '/v1/chat/completions');
    assert.equal(request!.body.model, 'test-model');
    assert.deepEqual(request!.body.response_format, { type: 'json_object' });
    assert.match(request!.body.messages[1].content, /the ones that are there/);
    assert.match(request!.body.messages[0].content, /review_requested/);
  });

  it('does not ask about guidance the compiler understands', async () => {
    const clear = folder('open issues');
    engine.refresh(clear);
    await engine.settled();
    assert.equal(fake.requests.length, 0);
    assert.deepEqual(members(clear.id), ['1', '3']);
    assert.equal(engine.explain(clear).source, 'compiler');
  });

  it('refuses an answer that does not fit the schema or the integration, and says why', async () => {
    for (const [content, reason] of [
      [JSON.stringify({ ...openIssues, where: [{ field: 'colour', op: 'equals', values: ['red'], negate: false }] }), /unknown field "colour"/],
      [JSON.stringify({ kinds: 'issue' }), /not used/],
      ['I think you mean open issues', /did not answer JSON/],
    ] as const) {
      fake.answer = { status: 200, content };
      const vague = folder('the ones that are there');
      engine.refresh(vague);
      await engine.settled();
      const explanation = engine.explain(store.smartFolders.findById(vague.id)!);
      assert.equal(explanation.source, 'compiler');
      assert.equal(explanation.model?.used, false);
      assert.match(explanation.model!.note, reason);
      assert.deepEqual(members(vague.id), []);
    }
  });

  it('keeps working when the endpoint fails', async () => {
    fake.answer = { status: 500, content: '' };
    const vague = folder('the ones that are there');
    engine.refresh(vague);
    await engine.settled();
    assert.match(engine.explain(store.smartFolders.findById(vague.id)!).model!.note, /could not be asked: the model endpoint answered 500/);
  });

  it('is configured by AIRSTORE_LLM_URL and absent without it', () => {
    assert.equal(modelFromEnv({}), undefined);
    assert.ok(modelFromEnv({ AIRSTORE_LLM_URL: fake.url }) instanceof ChatCompletionsModel);
  });
});

/**
 * What a first Gmail sync costs. The Gmail fake serves a mailbox of 50,000
 * messages (invoices with PDFs, receipts, newsletters, conversations). Two
 * clients read everything from it, each in its own process:
 *
 * - the ceiling: a bare loop making the requests a sync needs (every page of
 *   `messages.list`, then each message with `format=raw`, eight at a time),
 *   parsing the JSON and nothing more: the fake's own serving rate, read
 *   through `bufferedFetch` as bench/sync.ts explains;
 * - the agent: `airstore serve` with a Gmail connection to the fake, timed from
 *   its sync's start to its end as the API reports them, its peak memory
 *   (VmHWM) read from /proc.
 *
 * Then an idle incremental sync (one `history.list`), and for reference the
 * store alone committing the same items 100 per transaction, in a process of
 * its own, and the same sync without its store writes. On Linux the fake is
 * pinned to core 0 and the client under test to core 1.
 *
 *   npm run bench:sync [-- --messages 50000]   (or node bench/sync-gmail.ts)
 */
import { parseArgs } from 'node:util';
import { generateDataset } from '../connectors/gmail/fake/dataset.ts';
import { GmailFake } from '../connectors/gmail/fake/server.ts';
import { gmail } from '../connectors/gmail/index.ts';
import { mapMessage } from '../connectors/gmail/map.ts';
import { bufferedFetch } from '../src/sync/buffered-fetch.ts';
import type { ItemDraft } from '../src/sync/connector.ts';
import type { StoredCredentials } from '../src/sync/runner.ts';
import { fakeOAuth } from '../src/sync/fake/google.ts';
import { compareWithCeiling, reportRun, reportStoreAlone, reportWithoutStore } from './sync-measure.ts';

const { values } = parseArgs({
  options: { messages: { type: 'string', default: '50000' }, ceiling: { type: 'string' }, store: { type: 'boolean' }, 'without-store': { type: 'string' } },
  strict: false,
});
const concurrency = 8;
const messages = String(values.messages);
const datasetOptions = { messages: Number(messages), seed: 50 };

if (typeof values.ceiling === 'string') await reportRun(() => readAll(String(values.ceiling)));
else if (typeof values['without-store'] === 'string') await reportWithoutStore(gmail, JSON.parse(values['without-store']) as StoredCredentials);
else if (values.store) await reportStoreAlone('gmail', () => mailboxItems(new GmailFake(generateDataset(datasetOptions))));
else await compare();

/** The items a sync of the fake's mailbox stores. */
function mailboxItems(fake: GmailFake): ItemDraft[] {
  const labels = fake.labelNames();
  return fake.messages().map((message) => mapMessage(message, labels));
}

/** Child mode: the ceiling client. Gives the number of messages read. */
async function readAll(base: string): Promise<number> {
  const headers = { authorization: `Bearer ${fakeOAuth.accessToken}` };
  const get = async (path: string) => {
    const response = await bufferedFetch(`${base}/gmail/v1/users/me${path}`, { headers });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json() as Promise<{ messages?: { id: string }[]; nextPageToken?: string }>;
  };
  let items = 0;
  let pageToken: string | undefined;
  do {
    const page = await get(`/messages?maxResults=100${pageToken ? `&pageToken=${pageToken}` : ''}`);
    const ids = (page.messages ?? []).map((message) => message.id);
    let next = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < ids.length) await get(`/messages/${ids[next++]}?format=raw`);
    }));
    items += ids.length;
    pageToken = page.nextPageToken;
  } while (pageToken);
  return items;
}

async function compare(): Promise<void> {
  const fake = new GmailFake(generateDataset(datasetOptions));
  await fake.listen();
  await compareWithCeiling({
    fake,
    child: { script: import.meta.filename, ceilingArgs: ['--ceiling', fake.url], storeArgs: ['--store', '--messages', messages] },
    connection: { integrationType: 'gmail', accessToken: fakeOAuth.accessToken, extra: { baseUrl: fake.url, window: '0', requestsPerSecond: '0' } },
    title: `Gmail sync benchmark: ${fake.messages().length} messages, first sync from the Gmail fake (format=raw, one request per message).`,
    agentLabel: 'agent first sync (@googleapis/gmail, MIME headers, SQLite)',
  });
}

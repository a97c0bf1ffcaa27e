import { dataFiles } from '../../src/config.ts';
import { loadAgentKeys } from '../../src/secrets/agent-keys.ts';
import { createServices } from '../../src/services/index.ts';
import { openStore } from '../../src/store/index.ts';

export interface SeededWorkspace {
  workspaceId: string;
  token: string;
  /** Item external id → its rendered bytes. */
  files: Map<string, Buffer>;
}

const admin = { kind: 'admin' } as const;

/**
 * A workspace with a GitHub connection (pointed at a closed port), a smart folder of issues and its
 * membership, written through the store's API before any agent opens the data
 * directory (the connectors fill it this way once they land). `unfiledCount` adds closed issues no
 * folder holds, each saying "token" more often than any filed item, so they outrank it in search.
 */
export function seedWorkspace(
  dataDir: string,
  options: { issueCount?: number; unfiledCount?: number; tokenExpiresIn?: number; largeFileBytes?: number } = {},
): SeededWorkspace {
  const issueCount = options.issueCount ?? 12;
  const keys = loadAgentKeys(dataDir, {});
  const store = openStore(dataFiles(dataDir).database);
  try {
    const services = createServices(store, keys);
    const workspace = services.workspaces.create(admin, { name: 'acme' });
    // A base URL where nothing listens: the sync engine fails at once instead of reaching for the real GitHub.
    const connection = services.connections.create(admin, workspace.externalId, {
      integrationType: 'github', accessToken: 'ghp_fixture', extra: { baseUrl: 'http://127.0.0.1:9' },
    });
    store.connections.setAccount(connection.id, { id: 'octocat', name: 'The Octocat' });
    // An explicit filter the seeded items match, so the guidance engine, whenever it re-evaluates, agrees with the membership below.
    const folder = services.smartFolders.create(admin, workspace.externalId, {
      integration: 'github', name: 'Open PRs', filter: { repo: 'acme/api', type: 'prs', state: 'open' },
    });
    const files = new Map<string, Buffer>();
    const itemIds: number[] = [];
    for (let n = 1; n <= issueCount; n++) {
      const title = n === 2 ? 'Fix token refresh' : `Improve sync for case ${n}`;
      // Two items share a file name, to exercise collision suffixes.
      const fileName = n === 3 || n === 4 ? 'duplicate-title.md' : `${1400 + n}_${title.toLowerCase().replace(/\W+/g, '-')}.md`;
      const content = Buffer.from(`---\nnumber: ${1400 + n}\ntitle: ${title}\nstate: open\n---\n\n${title}.\n\nThe refresh token expires ${n} times a day.\n`);
      store.items.upsert({
        connectionId: connection.id, kind: 'pull_request', externalId: `acme/api#${1400 + n}`, title, fileName,
        body: `${title} refresh token`, metadata: { repo: 'acme/api', state: 'open' }, content,
        createdAt: Date.UTC(2026, 10, 1), updatedAt: Date.UTC(2026, 10, 1, 12, n),
      });
      itemIds.push(store.items.find(connection.id, 'pull_request', `acme/api#${1400 + n}`)!.id);
      files.set(`acme/api#${1400 + n}`, content);
    }
    if (options.largeFileBytes) {
      // Larger than one HTTP read (16 MiB): readers must page through it.
      const content = Buffer.alloc(options.largeFileBytes, 'airstore ');
      store.items.upsert({
        connectionId: connection.id, kind: 'pull_request', externalId: 'acme/api#1499', title: 'Recording', fileName: '1499_recording.bin',
        body: 'recording', metadata: { repo: 'acme/api', state: 'open' }, content, createdAt: Date.UTC(2026, 10, 1), updatedAt: Date.UTC(2026, 10, 1, 12, 59),
      });
      itemIds.push(store.items.find(connection.id, 'pull_request', 'acme/api#1499')!.id);
      files.set('acme/api#1499', content);
    }
    store.folderItems.replace(folder.id, itemIds);
    for (let n = 1; n <= (options.unfiledCount ?? 0); n++) {
      store.items.upsert({
        connectionId: connection.id, kind: 'issue', externalId: `acme/web#${n}`, title: `Token token ${n}`, fileName: `${n}_token.md`,
        body: 'token token token', metadata: { repo: 'acme/web', state: 'closed' }, content: Buffer.from(`token ${n}\n`),
        createdAt: Date.UTC(2026, 10, 1), updatedAt: Date.UTC(2026, 10, 1, 13, n),
      });
    }
    const { token } = services.tokens.create(admin, workspace.externalId, { name: 'mount', expiresIn: options.tokenExpiresIn });
    return { workspaceId: workspace.externalId, token, files };
  } finally {
    store.close();
  }
}

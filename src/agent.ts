import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connectors } from '../connectors/index.ts';
import { buildApi } from './api/server.ts';
import { apiPrefix, dataFiles } from './config.ts';
import { AirstoreError } from './errors.ts';
import { type AgentKeys, loadAgentKeys } from './secrets/agent-keys.ts';
import { type Services, createServices } from './services/index.ts';
import { type Store, openStore } from './store/index.ts';
import type { RetryPolicy } from './sync/retry.ts';
import { SyncScheduler } from './sync/scheduler.ts';

export interface AgentOptions {
  dataDir: string;
  host: string;
  /** 0 picks a free port; the chosen one is in `RunningAgent.url` and `agent.json`. */
  port: number;
  allowedHosts?: readonly string[];
  logLevel?: string;
  env?: NodeJS.ProcessEnv;
  /** Backoff of provider retries; tests shorten it. */
  syncRetry?: Partial<RetryPolicy>;
  /** Sync only on request (API, `airstore sync`), never on a schedule. */
  manualSync?: boolean;
}

export interface RunningAgent {
  /** Base URL of the API, e.g. `http://127.0.0.1:1994/api/v1`. */
  apiUrl: string;
  keys: AgentKeys;
  store: Store;
  services: Services;
  close(): Promise<void>;
}

/** What a running agent publishes in its data directory, so the CLI on this machine can find it. */
export interface AgentInfo {
  pid: number;
  apiUrl: string;
  startedAt: string;
}

export function readAgentInfo(dataDir: string): AgentInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(dataFiles(dataDir).agentInfo, 'utf8')) as AgentInfo;
    process.kill(info.pid, 0);
    return info;
  } catch {
    return undefined;
  }
}

/** Opens the store, loads the keys, serves the API and runs the sync scheduler: the agent's process, short of the mount. */
export async function startAgent(options: AgentOptions): Promise<RunningAgent> {
  const { dataDir } = options;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const running = readAgentInfo(dataDir);
  if (running && running.pid !== process.pid && (await answersHealth(running.apiUrl))) {
    throw new AirstoreError('agent_running', running.pid, dataDir, running.apiUrl);
  }

  const keys = loadAgentKeys(dataDir, options.env);
  const store = openStore(dataFiles(dataDir).database);
  // Closures: the scheduler reaches the connection service and the logger only once started.
  const scheduler = new SyncScheduler({
    store,
    connectors,
    credentialsOf: (connection) => services.connections.credentialsOf(connection),
    saveCredentials: (connection, credentials, expiresAt) => services.connections.saveCredentials(connection, credentials, expiresAt),
    onItemsChanged: (connectionId, itemIds) => services.folders.refreshFoldersFor(connectionId, itemIds),
    log: { info: (message) => api.log.info(message), warn: (message) => api.log.warn(message) },
    retry: options.syncRetry,
    manual: options.manualSync,
  });
  const services = createServices(store, keys, scheduler);
  const api = buildApi({
    services,
    allowedHosts: options.allowedHosts,
    logLevel: options.logLevel,
  });
  try {
    await api.listen({ host: options.host, port: options.port });
  } catch (error) {
    store.close();
    throw new AirstoreError('listen_failed', `${options.host}:${options.port}`, (error as Error).message);
  }
  const address = api.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const apiUrl = `http://${localName(options.host)}:${port}${apiPrefix}`;
  const infoFile = dataFiles(dataDir).agentInfo;
  const info: AgentInfo = { pid: process.pid, apiUrl, startedAt: new Date().toISOString() };
  writeFileSync(infoFile, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
  scheduler.start();
  services.folders.start();

  let closing: Promise<void> | undefined;
  return {
    apiUrl,
    keys,
    store,
    services,
    close: () => {
      closing ??= (async () => {
        await scheduler.stop();
        await services.folders.stop();
        await api.close();
        rmSync(infoFile, { force: true });
        store.close();
      })();
      return closing;
    },
  };
}

/** A crash can leave agent.json behind with its pid reused by another program: ask the address itself. */
async function answersHealth(apiUrl: string): Promise<boolean> {
  try {
    return (await fetch(`${apiUrl}/health`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

/** The name a client on this machine uses to reach a listener bound to `host`. */
function localName(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

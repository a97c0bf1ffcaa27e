import { readFileSync } from 'node:fs';
import { readAgentInfo } from '../agent.ts';
import { apiPrefix, apiUrlOf, dataFiles, defaultHost, defaultPort, resolveDataDir } from '../config.ts';
import { AirstoreError } from '../errors.ts';
import Airstore from '../sdk/index.ts';

export interface ClientOptions {
  server?: string;
}

/**
 * An SDK client for the agent the CLI should talk to. The address comes from
 * `--server`, else AIRSTORE_BASE_URL, else the agent running on this data
 * directory, else the default port. The key comes from AIRSTORE_API_KEY, else
 * AIRSTORE_ADMIN_KEY, else the admin key file of this data directory.
 */
export function agentClient(options: ClientOptions, env: NodeJS.ProcessEnv = process.env): Airstore {
  const dataDir = resolveDataDir(env);
  const server = options.server || env.AIRSTORE_BASE_URL;
  const baseURL = server ? apiUrlOf(server) : readAgentInfo(dataDir)?.apiUrl || `http://${defaultHost}:${defaultPort}${apiPrefix}`;
  const apiKey = env.AIRSTORE_API_KEY || env.AIRSTORE_ADMIN_KEY || readAdminKeyFile(dataDir);
  if (!apiKey) throw new AirstoreError('no_api_key', dataFiles(dataDir).adminKey);
  return new Airstore({ apiKey, baseURL, maxRetries: 1, timeout: 30_000 });
}

function readAdminKeyFile(dataDir: string): string | undefined {
  try {
    return readFileSync(dataFiles(dataDir).adminKey, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

import { homedir } from 'node:os';
import { join } from 'node:path';

export const defaultHost = '127.0.0.1';
export const defaultPort = 1994;
export const apiPrefix = '/api/v1';

/** The most bytes one `fs/read` answers; readers of larger files page with `offset`. */
export const maxReadLength = 16 * 1024 * 1024;

/** A server address as users write it (`http://hub:1994`) → the API's base URL; a URL with a path is kept as given. */
export function apiUrlOf(server: string): string {
  const url = new URL(server);
  return url.pathname === '/' ? `${url.origin}${apiPrefix}` : server.replace(/\/+$/, '');
}

/** The data directory: `AIRSTORE_HOME`, else `$XDG_DATA_HOME/airstore`, else `~/.local/share/airstore`. */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.AIRSTORE_HOME) return env.AIRSTORE_HOME;
  const xdgDataHome = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(xdgDataHome, 'airstore');
}

/** Files the agent keeps in its data directory. */
export function dataFiles(dataDir: string) {
  return {
    database: join(dataDir, 'airstore.db'),
    adminKey: join(dataDir, 'admin.key'),
    secretKey: join(dataDir, 'secret.key'),
    agentInfo: join(dataDir, 'agent.json'),
    daemonPid: join(dataDir, 'airstore.pid'),
    daemonLog: join(dataDir, 'airstore.log'),
  };
}

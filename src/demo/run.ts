import { mkdtempSync, rmSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAgent } from '../agent.ts';
import { note } from '../cli/output.ts';
import { defaultHost } from '../config.ts';
import { mountWithLocalAgent } from '../fs/local-mount.ts';
import Airstore from '../sdk/index.ts';
import { demoConnectors } from './connectors.ts';
import { type RunningFake, startFakes, stopFakes } from './fakes.ts';
import { guide } from './guide.ts';
import { type DemoWorkspace, provision } from './provision.ts';

/** Resolves on the first Ctrl-C or SIGTERM; a second one ends the process at once, as usual. */
function stopRequested(): Promise<void> {
  return new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
}

const exists = (path: string) => statSync(path, { throwIfNoEntry: false }) !== undefined;

function removeEmptyDir(path: string): void {
  try {
    rmdirSync(path);
  } catch {
    // Still mounted after a failed unmount, or the user put files there: leave it.
  }
}

/**
 * `airstore demo`: the whole product on sample data, in one process. The fakes
 * serve made-up accounts on 127.0.0.1; an agent on a throw-away data directory
 * provisions and syncs them through the API as a user would, then the mount
 * (with its own agent, as `airstore mount` runs) shows them until stopped.
 * Everything it made is removed on the way out.
 */
export async function runDemo(mountPoint: string): Promise<void> {
  let stopping = false;
  const stop = stopRequested().then(() => {
    stopping = true;
    note('stopping the demo');
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'airstore-demo-'));
  const createdMountPoint = !exists(mountPoint);
  let fakes: RunningFake[] = [];
  try {
    fakes = await startFakes(demoConnectors);
    const workspace = await provisionOnce(dataDir, fakes);
    if (stopping) return;
    const mount = await mountWithLocalAgent({ dataDir, mountPoint, token: workspace.token, host: defaultHost, port: 0 });
    const integrations = fakes.map(({ demo }) => demo.integration);
    process.stdout.write(guide({ workspace, mountPoint, apiUrl: mount.apiUrl, dataDir, integrations }));
    await Promise.race([stop, mount.session.ended]);
    mount.session.stop();
    await mount.session.ended;
  } finally {
    await stopFakes(fakes);
    rmSync(dataDir, { recursive: true, force: true });
    if (createdMountPoint) removeEmptyDir(mountPoint);
    note('demo stopped: unmounted, fakes stopped, sample data deleted');
  }
}

/** Provisioning runs on an agent of its own, closed before the mount's agent opens the same store. */
async function provisionOnce(dataDir: string, fakes: readonly RunningFake[]): Promise<DemoWorkspace> {
  const agent = await startAgent({ dataDir, host: defaultHost, port: 0, manualSync: true });
  try {
    return await provision(new Airstore({ apiKey: agent.keys.adminKey, baseURL: agent.apiUrl }), fakes);
  } finally {
    await agent.close();
  }
}

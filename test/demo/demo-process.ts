import { type CliProcess, startCli } from '../fs/mount-process.ts';

/** `airstore demo` in its own process, as the user runs it, with what its tour printed. */
export interface DemoProcess extends CliProcess {
  mountPoint: string;
  /** The throw-away data directory the demo said it uses. */
  dataDir: string;
  workspaceId: string;
  token: string;
  apiUrl: string;
}

/** Runs `<command…> demo <mountPoint>` and waits for the tour, printed once mounted; `killMounts()` kills it. */
export async function startDemo(command: readonly string[], mountPoint: string, env: NodeJS.ProcessEnv = process.env): Promise<DemoProcess> {
  const demo = await startCli(command, ['demo', mountPoint], env, /Ctrl-C stops the demo/, 120_000);
  const output = demo.output();
  const search = /Bearer (tok_\S+)" "(http:\S+)\/workspaces\/(ws_\w+)\//.exec(output)!;
  const dataDir = /the agent's data is in (\S+)\.$/m.exec(output)![1]!;
  return { ...demo, mountPoint, dataDir, token: search[1]!, apiUrl: search[2]!, workspaceId: search[3]! };
}

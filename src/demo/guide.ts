import { connectors } from '../../connectors/index.ts';
import type { DemoWorkspace } from './provision.ts';

export interface GuideFacts {
  workspace: DemoWorkspace;
  mountPoint: string;
  apiUrl: string;
  dataDir: string;
  integrations: readonly string[];
}

/** A path as a shell command line needs it: as is when it is plain, else single-quoted. */
const shellWord = (text: string) => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`);

function displayNames(integrations: readonly string[]): string {
  const names = integrations.map((id) => connectors.find((connector) => connector.id === id)?.displayName ?? id);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names.join('');
}

/** What the demo prints once mounted: that the data is made up, where it is, and what to try. */
export function guide(facts: GuideFacts): string {
  const { workspace, mountPoint, apiUrl } = facts;
  const dir = shellWord(mountPoint);
  const width = Math.max(...workspace.folders.map((folder) => folder.path.length));
  const [first] = workspace.folders;
  const lines = [
    '',
    `SAMPLE DATA: made-up people, issues, messages, mail, files, pages and product events, served by local fakes of ${displayNames(facts.integrations)}`,
    'on 127.0.0.1. Nothing here comes from or goes to a real account.',
    '',
    `mounted workspace ${workspace.name} (${workspace.workspaceId}) at ${mountPoint}`,
    '',
    'Smart folders (plain-English guidance turned into folders of files):',
    ...workspace.folders.map((folder) => `  ${folder.path.padEnd(width)}  ${String(folder.count).padStart(4)} files  "${folder.guidance}"`),
    '',
    'Try, from another terminal:',
    `  ls ${dir}/*/*`,
    ...(first ? [`  cat "$(ls -d ${dir}${first.path}/* | head -1)"`] : []),
    `  grep -rl "token refresh" ${dir}`,
    `  mkdir ${dir}/gmail/emails-with-attachments      # a new smart folder: its name is its guidance`,
    `  curl -s -H "Authorization: Bearer ${workspace.token}" "${apiUrl}/workspaces/${workspace.workspaceId}/fs/search?q=deploy"`,
    '',
    `The workspace token above reaches only this workspace; the agent's data is in ${facts.dataDir}.`,
    'Ctrl-C stops the demo: it unmounts, stops the fakes and deletes the sample data.',
    '',
  ];
  return lines.join('\n');
}

import type { Command } from 'commander';
import type { SmartFolderExplanation } from '../../sdk/types.ts';
import { agentClient } from '../client.ts';
import type { OutputOptions } from '../output.ts';

type Globals = OutputOptions & { server?: string };

/** `airstore folder explain <workspace> <folder>`: how the guidance was understood and how many items match. */
export function registerFolderExplain(folder: Command): void {
  folder
    .command('explain <workspace> <folder>')
    .description('show how a smart folder\'s guidance was understood: the compiled query, each word\'s meaning, full-text terms, match count')
    .action(async (workspaceId: string, folderId: string, _options, command: Command) => {
      const globals = command.optsWithGlobals<Globals>();
      const explanation = await agentClient(globals).smartFolders.explain(workspaceId, folderId);
      process.stdout.write(globals.json ? `${JSON.stringify(explanation, null, 2)}\n` : formatExplanation(explanation));
    });
}

export function formatExplanation(explanation: SmartFolderExplanation): string {
  const lines = [
    `folder:      ${explanation.path} (${explanation.folder_id})`,
    explanation.guidance === null ? `filter:      ${JSON.stringify(explanation.filter)}` : `guidance:    ${explanation.guidance}`,
    `source:      ${explanation.source}${explanation.model ? ` (${explanation.model.note})` : ''}`,
    `query:       ${explanation.readable}`,
    `matches:     ${explanation.match_count}${explanation.evaluated_at ? ` (evaluated ${explanation.evaluated_at})` : ''}`,
  ];
  if (explanation.understood.length > 0) {
    lines.push('understood:');
    const width = Math.max(...explanation.understood.map((entry) => entry.words.length));
    for (const entry of explanation.understood) lines.push(`  ${entry.words.padEnd(width)}  → ${entry.meaning}`);
  }
  if (explanation.text_terms.length > 0) lines.push(`full text:   ${explanation.text_terms.join('; ')}`);
  if (explanation.ignored.length > 0) lines.push(`ignored:     ${explanation.ignored.join(', ')}`);
  for (const problem of explanation.problems) lines.push(`problem:     ${problem}`);
  const { since, before, me } = explanation.resolved;
  if (since || before) lines.push(`dates:       ${since ?? '…'} to ${before ?? 'now'}`);
  if (me) lines.push(`me:          ${me.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

import { block, fileNameOf, frontMatter } from '../../src/sync/render.ts';
import { authorOf, kindOf, slackTime, type SlackMetadata } from './map.ts';
import { toMarkdown } from './text.ts';
import type { Directory, SlackMessage, SlackThread } from './types.ts';

/** `2026-11-20 10:04 UTC` */
function when(ts: string | undefined): string {
  return new Date(slackTime(ts)).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

function permalink(thread: SlackThread, ts: string | undefined): string {
  return `${thread.workspaceUrl.replace(/\/+$/, '')}/archives/${thread.channel.id}/p${(ts ?? '').replace('.', '')}`;
}

function message(entry: SlackMessage, directory: Directory): string {
  const files = (entry.files ?? []).map((file) => `Attached: \`${file.name ?? file.title ?? 'file'}\``);
  const edited = entry.edited?.ts ? ' (edited)' : '';
  return [`**${authorOf(entry, directory)}** · ${when(entry.ts)}${edited}\n`, block(toMarkdown(entry.text ?? '', directory)), ...files]
    .filter(Boolean).join('\n').trimEnd();
}

/**
 * A thread (or lone message) as Markdown: front matter with the channel,
 * participants by display name, times and a permalink; then each message with
 * its author and time. File name: `<date>_<HHMM>_<slug of the first line>.md`.
 */
export function renderThread(thread: SlackThread, metadata: SlackMetadata, title: string, directory: Directory): { fileName: string; content: Buffer } {
  const [parent] = thread.messages as [SlackMessage, ...SlackMessage[]];
  const header = frontMatter({
    channel: metadata.channel,
    type: kindOf(parent),
    author: metadata.author,
    participants: metadata.participants,
    replies: metadata.replies,
    started: metadata.created,
    updated: metadata.updated,
    url: permalink(thread, parent.ts),
  });
  const sections = [`# #${thread.channel.name} · ${title}\n`, ...thread.messages.map((entry) => message(entry, directory))];
  const started = new Date(slackTime(parent.ts)).toISOString();
  return {
    fileName: fileNameOf(`${started.slice(0, 10)}_${started.slice(11, 13)}${started.slice(14, 16)}`, title, 'md'),
    content: Buffer.from(`${header}\n${sections.map((section) => section.trimEnd()).join('\n\n')}\n`),
  };
}

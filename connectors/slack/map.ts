import type { RenderedItem } from '../../src/sync/connector.ts';
import { renderThread } from './render.ts';
import { mentionedIds, toMarkdown } from './text.ts';
import type { Directory, SlackMessage, SlackThread } from './types.ts';

export type SlackKind = 'thread' | 'message';

/** A Slack timestamp (`1700000000.000100`, seconds) in milliseconds. */
export function slackTime(ts: string | undefined): number {
  return Math.floor(Number(ts ?? 0) * 1000);
}

/** What history shows of a conversation's last change: its newest reply or edit. */
export function versionOf(message: SlackMessage): number {
  return Math.max(slackTime(message.ts), slackTime(message.latest_reply), slackTime(message.edited?.ts));
}

/**
 * The reply count as history shows it: deleting a reply that is not the newest
 * lowers it and leaves every time of the parent alone, so a listing that sees
 * another count reads the thread again.
 */
export function fingerprintOf(message: SlackMessage): string {
  return String(message.reply_count ?? 0);
}

export function kindOf(message: SlackMessage): SlackKind {
  return (message.reply_count ?? 0) > 0 ? 'thread' : 'message';
}

/** Channel and the parent's timestamp: stable whether it is a lone message or a thread. */
export function externalIdOf(channelId: string, ts: string | undefined): string {
  return `${channelId}:${ts ?? ''}`;
}

export function authorOf(message: SlackMessage, directory: Directory): string {
  if (message.user) return directory.get(message.user) ?? message.user;
  return message.username ?? 'bot';
}

/** The metadata guidance filters on; keys are the fields `index.ts` declares. */
export interface SlackMetadata {
  channel: string;
  author: string;
  participants: string[];
  mentions: string[];
  has_files: boolean;
  replies: number;
  created: string;
  updated: string;
}

export function metadataOf(thread: SlackThread, directory: Directory): SlackMetadata {
  const [parent] = thread.messages as [SlackMessage, ...SlackMessage[]];
  const mentions = new Set(thread.messages.flatMap((message) => mentionedIds(message.text ?? '')).map((id) => directory.get(id) ?? id));
  return {
    channel: thread.channel.name,
    author: authorOf(parent, directory),
    participants: [...new Set(thread.messages.map((message) => authorOf(message, directory)))],
    mentions: [...mentions].sort(),
    has_files: thread.messages.some((message) => (message.files?.length ?? 0) > 0),
    replies: thread.messages.length - 1,
    created: new Date(slackTime(parent.ts)).toISOString(),
    updated: new Date(versionOf(parent)).toISOString(),
  };
}

/** The first line of the parent, plain, as a title. */
export function titleOf(parent: SlackMessage, directory: Directory): string {
  const line = toMarkdown(parent.text ?? '', directory).split('\n').find((text) => text.trim()) ?? '';
  const title = line.replace(/[*~`]/g, '').replace(/^>\s*/, '').trim() || parent.files?.[0]?.title || parent.files?.[0]?.name || '(no text)';
  return title.length > 100 ? `${title.slice(0, 99)}…` : title;
}

/** A thread or lone message → the item the store keeps. */
export function mapThread(thread: SlackThread, directory: Directory): RenderedItem {
  const [parent] = thread.messages as [SlackMessage, ...SlackMessage[]];
  const metadata = metadataOf(thread, directory);
  const title = titleOf(parent, directory);
  const { fileName, content } = renderThread(thread, metadata, title, directory);
  return {
    kind: kindOf(parent),
    externalId: externalIdOf(thread.channel.id, parent.ts),
    title,
    fileName,
    body: thread.messages.map((message) => toMarkdown(message.text ?? '', directory)).join('\n\n'),
    metadata: { ...metadata },
    content,
    createdAt: slackTime(parent.ts),
    updatedAt: versionOf(parent),
    fingerprint: fingerprintOf(parent),
  };
}

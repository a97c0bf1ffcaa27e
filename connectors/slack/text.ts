import type { Directory } from './types.ts';

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/**
 * Slack's mrkdwn markup → Markdown: user mentions become `@Display Name`,
 * channel links `#name`, special mentions `@here`, links `[label](url)`, and
 * the three HTML entities Slack escapes are decoded.
 */
export function toMarkdown(text: string, directory: Directory): string {
  return text
    .replace(/<([^<>\n]+)>/g, (_match, inner: string) => {
      const [target = '', label] = inner.split('|');
      if (target.startsWith('@')) return `@${directory.get(target.slice(1)) ?? label ?? target.slice(1)}`;
      if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
      if (target.startsWith('!')) return label ?? `@${target.slice(1).split('^')[0]}`;
      return label ? `[${label}](${target})` : target;
    })
    .replace(/&(amp|lt|gt);/g, (entity) => entities[entity]!);
}

/** The user ids a message mentions (`<@U123>`), in order, once each. */
export function mentionedIds(text: string): string[] {
  return [...new Set([...text.matchAll(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g)].map((match) => match[1]!))];
}

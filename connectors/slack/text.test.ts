import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mentionedIds, toMarkdown } from './text.ts';

const directory = new Map([['U1', 'Maria Chen'], ['U2', 'Ben']]);

describe('slack text', () => {
  it('turns mrkdwn mentions, channels, links and entities into Markdown', () => {
    assert.equal(
      toMarkdown('<@U1> see <#C9|deploys> and <https://x.dev/a?b=1&amp;c=2|the PR> or <https://y.dev>; <!here> &lt;3 &amp; <@U7>', directory),
      '@Maria Chen see #deploys and [the PR](https://x.dev/a?b=1&c=2) or https://y.dev; @here <3 & @U7',
    );
  });

  it('lists each mentioned user once, in order', () => {
    assert.deepEqual(mentionedIds('<@U2> <@U1|maria> <@U2>'), ['U2', 'U1']);
  });
});

import type { ConnectorCase } from './case.ts';
import { gdriveCase } from './gdrive.ts';
import { githubCase } from './github.ts';
import { gmailCase } from './gmail.ts';
import { linearCase } from './linear.ts';
import { notionCase } from './notion.ts';
import { posthogCase } from './posthog.ts';
import { slackCase } from './slack.ts';

/** Every connector the contract suite runs. */
export const cases: readonly ConnectorCase[] = [githubCase, linearCase, slackCase, gmailCase, gdriveCase, posthogCase, notionCase] as readonly ConnectorCase[];

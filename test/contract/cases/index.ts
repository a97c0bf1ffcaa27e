import type { ConnectorCase } from './case.ts';
import { githubCase } from './github.ts';
import { linearCase } from './linear.ts';
import { slackCase } from './slack.ts';

/** Every connector the contract suite runs. */
export const cases: readonly ConnectorCase[] = [githubCase, linearCase, slackCase] as readonly ConnectorCase[];

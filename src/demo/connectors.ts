import { gdriveDemo } from '../../connectors/gdrive/fake/demo.ts';
import { githubDemo } from '../../connectors/github/fake/demo.ts';
import { gmailDemo } from '../../connectors/gmail/fake/demo.ts';
import { linearDemo } from '../../connectors/linear/fake/demo.ts';
import { notionDemo } from '../../connectors/notion/fake/demo.ts';
import { posthogDemo } from '../../connectors/posthog/fake/demo.ts';
import { slackDemo } from '../../connectors/slack/fake/demo.ts';
import type { DemoFake } from '../sync/fake/demo.ts';

/** The connectors `airstore demo` shows: each one with a fake, in the order the tour lists them. */
export const demoConnectors: readonly DemoFake[] = [githubDemo, linearDemo, slackDemo, gmailDemo, gdriveDemo, notionDemo, posthogDemo];

import { connectorFor } from '../../../connectors/index.ts';
import { SmartFolderEngine } from '../../../src/guidance/engine.ts';
import { openStore } from '../../../src/store/index.ts';
import { declaredMetadata } from '../../../src/sync/declared-metadata.ts';
import { gdrive } from './gdrive.ts';
import { github } from './github.ts';
import { gmail } from './gmail.ts';
import { heldOut } from './held-out.ts';
import { linear } from './linear.ts';
import { notion } from './notion.ts';
import { posthog } from './posthog.ts';
import { slack } from './slack.ts';
import { type EvalSuite, evalNow } from './types.ts';

export const suites: readonly EvalSuite[] = [gmail, gdrive, github, notion, linear, slack, posthog];

export interface CaseResult {
  integration: string;
  guidance: string;
  expected: string[];
  actual: string[];
  precision: number;
  recall: number;
  readable: string;
}

/**
 * Writes every suite's corpus through the store API into a fresh in-memory
 * store, creates one smart folder per case, lets the engine compile and
 * evaluate it as the agent would, and compares the folder with the expected set.
 */
export function runEvaluation(set: 'main' | 'held-out' = 'main'): CaseResult[] {
  const store = openStore(':memory:');
  const engine = new SmartFolderEngine(store, { now: () => evalNow });
  const workspace = store.workspaces.create({ externalId: 'ws_eval', name: 'eval' });
  const results: CaseResult[] = [];
  let sequence = 0;
  for (const suite of suites) {
    const connection = store.connections.create({
      externalId: `conn_${suite.integration}`, workspaceId: workspace.id, integration: suite.integration, scope: null,
      sealedCredentials: Buffer.from('unused'), expiresAt: null,
    });
    store.connections.setAccount(connection.id, suite.account);
    // As the sync engine writes items: every declared field present.
    const declared = declaredMetadata(connectorFor(suite.integration));
    for (const item of suite.items) {
      store.items.upsert({
        connectionId: connection.id, kind: item.kind, externalId: item.id, title: item.title, fileName: `${item.id}.md`,
        body: item.body ?? '', metadata: declared(item.meta), content: null, createdAt: item.created ?? item.at, updatedAt: item.at,
      });
    }
    for (const evalCase of set === 'main' ? suite.cases : heldOut[suite.integration]) {
      sequence++;
      const folder = store.smartFolders.create({
        externalId: `sq_${sequence}`, workspaceId: workspace.id, integration: suite.integration, name: `case ${sequence}`,
        slug: `case-${sequence}`, guidance: evalCase.guidance, filter: null,
      });
      engine.refresh(folder);
      const actual = store.folderItems.items(folder.id).map((item) => item.externalId).sort();
      const expected = [...evalCase.expected].sort();
      const hits = actual.filter((id) => expected.includes(id)).length;
      results.push({
        integration: suite.integration,
        guidance: evalCase.guidance,
        expected,
        actual,
        precision: actual.length === 0 ? (expected.length === 0 ? 1 : 0) : hits / actual.length,
        recall: expected.length === 0 ? 1 : hits / expected.length,
        readable: engine.explain(folder).readable,
      });
    }
  }
  store.close();
  return results;
}

export interface Score {
  cases: number;
  precision: number;
  recall: number;
  exact: number;
}

/** Mean precision and recall over cases (each description counts once), and how many cases were exactly right. */
export function score(results: readonly CaseResult[]): Score {
  const mean = (values: number[]) => (values.length === 0 ? 1 : values.reduce((sum, value) => sum + value, 0) / values.length);
  return {
    cases: results.length,
    precision: mean(results.map((result) => result.precision)),
    recall: mean(results.map((result) => result.recall)),
    exact: results.filter((result) => result.precision === 1 && result.recall === 1).length,
  };
}

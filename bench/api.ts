/**
 * Authentication cost on the HTTP API: token-authenticated reads with 1,000
 * tokens in the store, beside the unauthenticated /health route, measured in
 * the same run against the same agent. Rounds alternate between routes so that
 * drift (CPU frequency, other load) affects both alike; medians are reported.
 *
 *   npm run bench:api [-- --seconds 3 --rounds 5 --connections 10]
 */
import autocannon from 'autocannon';
import { parseArgs } from 'node:util';
import { call, removeDataDir, startAgent } from '../test/helpers/agent.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    tokens: { type: 'string', default: '1000' },
  },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const connections = Number(values.connections);
const tokenCount = Number(values.tokens);

interface Figures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
}

const median = (numbers: number[]) => numbers.toSorted((a, b) => a - b)[Math.floor(numbers.length / 2)]!;

async function measure(url: string, headers: Record<string, string>): Promise<Figures> {
  const result = await autocannon({ url, connections, duration: seconds, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx replies, ${result.errors} errors`);
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const agent = await startAgent();
try {
  const key = agent.adminKey;
  const workspaces: string[] = [];
  for (let i = 0; i < 10; i++) {
    workspaces.push((await call(agent, 'POST', '/workspaces', { key, body: { name: `bench-${i}` } })).body.external_id);
  }
  let token = '';
  for (let i = 0; i < tokenCount; i++) {
    const reply = await call(agent, 'POST', `/workspaces/${workspaces[i % workspaces.length]}/tokens`, { key, body: { name: `t${i}` } });
    if (i === tokenCount / 2) token = reply.body.token;
  }
  const workspace = workspaces[(tokenCount / 2) % workspaces.length]!;
  for (const [i, integration] of ['github', 'gmail', 'linear', 'slack', 'notion'].entries()) {
    await call(agent, 'POST', `/workspaces/${workspace}/smart-folders`, { key, body: { integration, name: `folder ${i}`, guidance: 'open pull requests that need review' } });
  }

  const auth = { authorization: `Bearer ${token}` };
  const routes: Array<{ label: string; url: string; headers: Record<string, string> }> = [
    { label: 'GET /health (no auth)', url: `${agent.apiUrl}/health`, headers: {} },
    { label: 'GET /whoami (token)', url: `${agent.apiUrl}/whoami`, headers: auth },
    { label: 'GET /workspaces/:id (token)', url: `${agent.apiUrl}/workspaces/${workspace}`, headers: auth },
    { label: 'GET /workspaces/:id/smart-folders (token)', url: `${agent.apiUrl}/workspaces/${workspace}/smart-folders`, headers: auth },
  ];
  for (const route of routes) await autocannon({ url: route.url, connections, duration: 1, headers: route.headers });
  const samples = routes.map(() => [] as Figures[]);
  for (let round = 0; round < rounds; round++) {
    for (const [i, route] of routes.entries()) samples[i]!.push(await measure(route.url, route.headers));
  }

  const figures = samples.map((list) => ({
    requestsPerSecond: median(list.map((f) => f.requestsPerSecond)),
    p50: median(list.map((f) => f.p50)),
    p99: median(list.map((f) => f.p99)),
  }));
  const reference = figures[0]!.requestsPerSecond;
  console.log(`\nAPI benchmark: ${tokenCount} tokens in the store, ${connections} connections, ${rounds} rounds of ${seconds} s per route (medians)\n`);
  console.log('| route | req/s | p50 ms | p99 ms | throughput vs /health |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [i, route] of routes.entries()) {
    const f = figures[i]!;
    console.log(`| ${route.label} | ${Math.round(f.requestsPerSecond)} | ${f.p50} | ${f.p99} | ${((f.requestsPerSecond / reference) * 100).toFixed(1)}% |`);
  }
  const worst = Math.min(...figures.slice(1).map((f) => f.requestsPerSecond / reference));
  console.log(`\nAuthentication and the read together cost ${((1 - worst) * 100).toFixed(1)}% of /health throughput (aim: under 10%).`);
} finally {
  await agent.stop();
  removeDataDir(agent.dataDir);
}

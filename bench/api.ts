/**
 * What authentication costs on the HTTP API. With 1,000 tokens in the store, it
 * measures the unauthenticated /health route (the reference), /whoami with a token
 * (authentication and nothing else), and two token-authenticated reads, all in the
 * same run against the same agent. Rounds alternate between routes so drift hits
 * all alike; medians are reported. On Linux the agent and the load generator are
 * pinned to different cores, and the agent's own CPU time per request is read from
 * /proc, a figure that does not depend on how fast the load generator is.
 *
 *   npm run bench:api [-- --seconds 3 --rounds 5 --connections 10 --tokens 1000]
 */
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { call, removeDataDir, startAgent } from '../test/helpers/agent.ts';
import { cpuMicros, pinToCore } from './processes.ts';

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
  /** Agent CPU (user + system) per request, in microseconds; NaN where /proc is missing. */
  cpuPerRequest: number;
}

const median = (numbers: number[]) => numbers.toSorted((a, b) => a - b)[Math.floor(numbers.length / 2)]!;



const agent = await startAgent();
try {
  const agentPid = (JSON.parse(readFileSync(join(agent.dataDir, 'agent.json'), 'utf8')) as { pid: number }).pid;
  const pinned = pinToCore(agentPid, 0) && pinToCore(process.pid, 1);

  const key = agent.adminKey;
  const workspaces: string[] = [];
  for (let i = 0; i < 10; i++) {
    workspaces.push((await call(agent, 'POST', '/workspaces', { key, body: { name: `bench-${i}` } })).body.external_id);
  }
  let token = '';
  for (let i = 0; i < tokenCount; i++) {
    const reply = await call(agent, 'POST', `/workspaces/${workspaces[i % workspaces.length]}/tokens`, { key, body: { name: `t${i}` } });
    if (i === Math.floor(tokenCount / 2)) token = reply.body.token;
  }
  const workspace = workspaces[Math.floor(tokenCount / 2) % workspaces.length]!;
  for (const [i, integration] of ['github', 'gmail', 'linear', 'slack', 'notion'].entries()) {
    await call(agent, 'POST', `/workspaces/${workspace}/smart-folders`, { key, body: { integration, name: `folder ${i}`, guidance: 'open pull requests that need review' } });
  }

  const auth = { authorization: `Bearer ${token}` };
  const routes: Array<{ label: string; url: string; headers: Record<string, string> }> = [
    { label: 'GET /health (no auth, reference)', url: `${agent.apiUrl}/health`, headers: {} },
    { label: 'GET /whoami (token: authentication only)', url: `${agent.apiUrl}/whoami`, headers: auth },
    { label: 'GET /workspaces/:id (token)', url: `${agent.apiUrl}/workspaces/${workspace}`, headers: auth },
    { label: 'GET /workspaces/:id/smart-folders (token, 5 folders)', url: `${agent.apiUrl}/workspaces/${workspace}/smart-folders`, headers: auth },
  ];
  async function measure(route: (typeof routes)[number], duration: number): Promise<Figures> {
    const before = cpuMicros(agentPid);
    const result = await autocannon({ url: route.url, connections, duration, headers: route.headers });
    const cpu = cpuMicros(agentPid) - before;
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${route.label}: ${result.non2xx} non-2xx replies, ${result.errors} errors`);
    return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpuPerRequest: cpu / result.requests.total };
  }

  for (const route of routes) await measure(route, 2);
  const samples = routes.map(() => [] as Figures[]);
  for (let round = 0; round < rounds; round++) {
    for (const [i, route] of routes.entries()) samples[i]!.push(await measure(route, seconds));
  }
  const figures = samples.map((list) => ({
    requestsPerSecond: median(list.map((f) => f.requestsPerSecond)),
    p50: median(list.map((f) => f.p50)),
    p99: median(list.map((f) => f.p99)),
    cpuPerRequest: median(list.map((f) => f.cpuPerRequest)),
  }));

  const reference = figures[0]!;
  console.log(`\nAPI benchmark: ${tokenCount} tokens in the store, ${connections} connections, ${rounds} rounds of ${seconds} s per route, medians.`);
  console.log(pinned ? 'Agent pinned to core 0, load generator to core 1.\n' : 'Not pinned (taskset unavailable).\n');
  console.log('| route | req/s | vs /health | p50 ms | p99 ms | agent CPU µs/req |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [i, route] of routes.entries()) {
    const f = figures[i]!;
    const ratio = ((f.requestsPerSecond / reference.requestsPerSecond) * 100).toFixed(1);
    console.log(`| ${route.label} | ${Math.round(f.requestsPerSecond)} | ${ratio}% | ${f.p50} | ${f.p99} | ${f.cpuPerRequest.toFixed(1)} |`);
  }
  const whoami = figures[1]!;
  const throughputCost = (1 - whoami.requestsPerSecond / reference.requestsPerSecond) * 100;
  const cpuCost = (1 - reference.cpuPerRequest / whoami.cpuPerRequest) * 100;
  console.log(`\nAuthentication costs ${throughputCost.toFixed(1)}% of /health throughput (agent CPU: ${cpuCost.toFixed(1)}%); aim: under 10%.`);
} finally {
  await agent.stop();
  removeDataDir(agent.dataDir);
}

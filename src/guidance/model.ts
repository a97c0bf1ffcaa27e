import type { ConnectorDefinition } from '../sync/connector.ts';
import type { Compilation } from './compiler.ts';
import { compiledQuerySchema } from './query.ts';

/**
 * The optional model: guidance the compiler understands poorly may be sent to an
 * OpenAI-compatible chat-completions endpoint (`AIRSTORE_LLM_URL`, e.g. a local
 * Ollama at http://127.0.0.1:11434/v1) for a structured query. Its answer is
 * checked against the same schema as every query before it is used, and explain
 * says it came from the model. Nothing requires it.
 */
export interface QueryModel {
  /** Answers the model's proposal, unchecked: the engine validates it. */
  propose(request: { guidance: string; connector: ConnectorDefinition; compilation: Compilation }): Promise<unknown>;
}

export interface ModelSettings {
  url: string;
  model: string;
  apiKey?: string;
  timeoutMs?: number;
}

/** The model configured by the environment, if any: AIRSTORE_LLM_URL, AIRSTORE_LLM_MODEL, AIRSTORE_LLM_API_KEY. */
export function modelFromEnv(env: NodeJS.ProcessEnv): QueryModel | undefined {
  const url = env.AIRSTORE_LLM_URL?.trim();
  if (!url) return undefined;
  return new ChatCompletionsModel({ url, model: env.AIRSTORE_LLM_MODEL?.trim() || 'llama3.1', apiKey: env.AIRSTORE_LLM_API_KEY?.trim() || undefined });
}

export class ChatCompletionsModel implements QueryModel {
  readonly #settings: ModelSettings;

  constructor(settings: ModelSettings) {
    this.#settings = settings;
  }

  async propose(request: { guidance: string; connector: ConnectorDefinition; compilation: Compilation }): Promise<unknown> {
    const { url, model, apiKey, timeoutMs = 20_000 } = this.#settings;
    const endpoint = /\/chat\/completions\/?$/.test(url) ? url : `${url.replace(/\/+$/, '')}/chat/completions`;
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
      body: JSON.stringify({
        model,
        temperature: 0,
        response_format: { type: 'json_object' },
        messages: [
          { role: 'system', content: systemPrompt(request.connector) },
          { role: 'user', content: userPrompt(request.guidance, request.compilation) },
        ],
      }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new Error(`the model endpoint answered ${response.status}`);
    const body = (await response.json()) as { choices?: Array<{ message?: { content?: string } }> };
    const content = body.choices?.[0]?.message?.content;
    if (typeof content !== 'string') throw new Error('the model endpoint answered without a message');
    try {
      return JSON.parse(content.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, ''));
    } catch {
      throw new Error('the model did not answer JSON');
    }
  }
}

function systemPrompt(connector: ConnectorDefinition): string {
  const fields = Object.entries(connector.fields)
    .map(([name, field]) => `- ${name} (${field.type}${field.values ? `: ${field.values.join(' | ')}` : ''}): ${field.description}`)
    .join('\n');
  return [
    `You turn a description of a smart folder of ${connector.displayName} items into a JSON query. Answer with the JSON object only.`,
    `Item kinds: ${connector.kinds.map((kind) => kind.name).join(', ')}.`,
    `Fields of item metadata:\n${fields}`,
    'Conditions compare values ignoring case; {"me": true} stands for the user. Dates are {"at": "YYYY-MM-DD"} or relative:',
    '{"anchor": "now|day|week|month|quarter|year", "shift": -1, "unit": "day|week|month|year|hour|minute"} (week starts on Monday).',
    'Words that are not conditions go to "text" as terms (each term: any of its words must appear in the title or body).',
    `The JSON schema of the answer:\n${JSON.stringify(compiledQuerySchema)}`,
    `Today is ${new Date().toISOString().slice(0, 10)}.`,
  ].join('\n');
}

function userPrompt(guidance: string, compilation: Compilation): string {
  return [
    `Description: ${guidance}`,
    `A simple parser read it as: ${JSON.stringify(compilation.query)}`,
    compilation.problems.length > 0 ? `Its problems: ${compilation.problems.join('; ')}` : '',
  ].filter(Boolean).join('\n');
}

import { AirstoreError as AgentError } from '../errors.ts';
import { APIConnectionError, APIError, AirstoreError as SdkError } from '../sdk/errors.ts';

/** Exit codes scripts can rely on (documented in the README). */
export const exitCodes = {
  ok: 0,
  failure: 1,
  usage: 2,
  unreachable: 3,
  unauthorized: 4,
  notFound: 5,
  conflict: 6,
  invalid: 7,
} as const;

function exitCodeForStatus(status: number): number {
  if (status === 401 || status === 403) return exitCodes.unauthorized;
  if (status === 404) return exitCodes.notFound;
  if (status === 409) return exitCodes.conflict;
  if (status >= 400 && status < 500) return exitCodes.invalid;
  return exitCodes.failure;
}

/** The one place the CLI turns an error into a line and an exit code. */
export function describeFailure(error: unknown): { line: string; exitCode: number } {
  if (error instanceof APIError) {
    const code = error.code ? ` (${error.code})` : '';
    return { line: `${error.message}${code}`, exitCode: exitCodeForStatus(error.status) };
  }
  if (error instanceof APIConnectionError) {
    return { line: `${error.message}; is the agent running? start it with "airstore serve"`, exitCode: exitCodes.unreachable };
  }
  if (error instanceof AgentError) {
    const exitCode = error.code === 'agent_unreachable' ? exitCodes.unreachable : exitCodeForStatus(error.status);
    return { line: `${error.message} (${error.code})`, exitCode };
  }
  if (error instanceof SdkError) return { line: error.message, exitCode: exitCodes.failure };
  return { line: error instanceof Error ? error.message : String(error), exitCode: exitCodes.failure };
}

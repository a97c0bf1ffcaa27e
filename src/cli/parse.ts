import { InvalidArgumentError } from 'commander';

/** Option parsers: a bad value is a usage error that names the option's expectation. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return port;
}

export function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 0) throw new InvalidArgumentError('expected a whole number of seconds (0 = never)');
  return seconds;
}

export function parseJsonObject(value: string): Record<string, string | number | boolean | string[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new InvalidArgumentError('expected a JSON object, e.g. \'{"state":"open"}\'');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new InvalidArgumentError('expected a JSON object');
  return parsed as Record<string, string | number | boolean | string[]>;
}

/** `--extra key=value`, repeatable. */
export function collectKeyValue(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const index = value.indexOf('=');
  if (index <= 0) throw new InvalidArgumentError('expected key=value');
  return { ...previous, [value.slice(0, index)]: value.slice(index + 1) };
}

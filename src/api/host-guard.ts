import { AirstoreError } from '../errors.ts';

const loopbackNames = new Set(['localhost', '127.0.0.1', '::1']);

/** The host part of a Host header or URL host, without port or IPv6 brackets, lower case. */
function hostname(hostWithPort: string): string {
  const host = hostWithPort.trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']'));
  return host.replace(/:\d*$/, '');
}

function isLoopback(name: string): boolean {
  return loopbackNames.has(name) || name.endsWith('.localhost');
}

/**
 * Refuses requests that a web page could make through DNS rebinding (a Host
 * that is not ours) or cross-site (an Origin that is not loopback). Non-browser
 * clients send no Origin, so they pass on the Host check alone.
 */
export function createHostGuard(allowedHosts: readonly string[]) {
  const allowed = new Set(allowedHosts.map((host) => hostname(host)));
  return (host: string | undefined, origin: string | undefined): void => {
    const name = hostname(host ?? '');
    if (!isLoopback(name) && !allowed.has(name)) throw new AirstoreError('host_not_allowed', host ?? '');
    if (origin === undefined) return;
    let originName: string;
    try {
      originName = hostname(new URL(origin).host);
    } catch {
      throw new AirstoreError('origin_not_allowed', origin);
    }
    if (!isLoopback(originName) && !allowed.has(originName)) throw new AirstoreError('origin_not_allowed', origin);
  };
}

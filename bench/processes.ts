import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Linux process facts the benchmarks report beside their timings. */

/**
 * Pins a process, all its threads (V8's collector and libuv's pool included), to
 * one core with taskset, so load generator and server do not share one; false
 * where taskset is missing.
 */
export function pinToCore(pid: number, core: number): boolean {
  try {
    execFileSync('taskset', ['-a', '-pc', String(core), String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** CPU time (user + system) of a process in microseconds, from /proc (clock ticks of 10 ms); NaN where /proc is missing. */
export function cpuMicros(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // After the command: state is field 3, so utime and stime (fields 14 and 15) sit at 11 and 12.
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
export function cpuSecondsOf(pid: number): number {
  return cpuMicros(pid) / 1e6;
}

/** Resident memory of a process in MB: its peak (VmHWM) and now (VmRSS). */
export function memoryOf(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
  return { peak: kb('VmHWM') / 1024, now: kb('VmRSS') / 1024 };
}

import type { LookupAddress } from "node:dns";
import { isIPv6, type LookupFunction } from "node:net";

export interface FakeLookup extends LookupFunction {
  /** Host names asked for, in order. */
  calls: string[];
}

/**
 * A DNS resolver that answers from a script and never asks real DNS: `answers(host, n)` gives
 * the addresses for the n-th question (from 0); no addresses is "host not found".
 */
export function fakeLookup(answers: (hostname: string, callNumber: number) => string[]): FakeLookup {
  const calls: string[] = [];
  const lookup = ((hostname, options, callback) => {
    const addresses: LookupAddress[] = answers(hostname, calls.length).map((address) => ({
      address,
      family: isIPv6(address) ? 6 : 4,
    }));
    calls.push(hostname);
    queueMicrotask(() => {
      if (addresses.length === 0) {
        const error: NodeJS.ErrnoException = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
          code: "ENOTFOUND",
          hostname,
        });
        return callback(error, options.all ? [] : "", undefined);
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  }) as FakeLookup;
  lookup.calls = calls;
  return lookup;
}

/** A resolver with fixed answers per host name; unknown names are not found. */
export const staticLookup = (hosts: Record<string, string | string[]>) =>
  fakeLookup((hostname) => [hosts[hostname] ?? []].flat());

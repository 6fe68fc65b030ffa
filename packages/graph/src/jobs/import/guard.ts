import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { Agent, buildConnector, type Dispatcher } from "undici";
import { isAddressAllowed, type AddressPolicy } from "./address.js";

/** A connection refused because of where it would go; the fetch turns it into `url_not_allowed`. */
export class AddressNotAllowedError extends Error {
  override readonly name = "AddressNotAllowedError";
  readonly code = "ERR_ADDRESS_NOT_ALLOWED";
  constructor(readonly host: string) {
    super(`Connections to ${host} are not allowed.`);
  }
}

export interface GuardOptions extends AddressPolicy {
  lookup?: LookupFunction | undefined;
}

const systemLookup = dnsLookup as unknown as LookupFunction;

/** Every address a host name resolves to, through the given resolver. */
export function resolveAll(lookup: LookupFunction, hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    lookup(hostname, { all: true }, (error, addresses, family) => {
      if (error) return reject(error);
      // A resolver may ignore `all` and answer with one address.
      resolve(typeof addresses === "string" ? [{ address: addresses, family: family ?? 0 }] : addresses);
    });
  });
}

/** Refuses the host unless every address it resolves to is allowed. */
export async function resolveAllowed(hostname: string, options: GuardOptions = {}): Promise<LookupAddress[]> {
  const addresses = await resolveAll(options.lookup ?? systemLookup, hostname);
  if (addresses.length === 0 || addresses.some((a) => !isAddressAllowed(a.address, options))) {
    throw new AddressNotAllowedError(hostname);
  }
  return addresses;
}

/**
 * A resolver for `net.connect` that fails rather than hand over a refused address. The socket
 * connects to exactly what this returns, so a host that answered with a public address earlier
 * and a private one now (DNS rebinding) is still refused. One refused address refuses the host:
 * a public site has no business resolving to an internal address.
 */
export function guardedLookup(options: GuardOptions = {}): LookupFunction {
  const lookup = options.lookup ?? systemLookup;
  return (hostname, lookupOptions, callback) => {
    resolveAllowed(hostname, { ...options, lookup }).then(
      (addresses) => {
        if (lookupOptions.all) return callback(null, addresses);
        const first = addresses[0]!;
        callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, lookupOptions.all ? [] : "", undefined),
    );
  };
}

/**
 * An undici dispatcher that only ever connects to allowed addresses: host names go through the
 * guarded resolver, and literal IP hosts (which `net.connect` never resolves) are checked here.
 */
export function guardedDispatcher(options: GuardOptions & { timeoutMs: number }): Dispatcher {
  const connector = buildConnector({ lookup: guardedLookup(options), timeout: options.timeoutMs });
  const connect: buildConnector.connector = (connectOptions, callback) => {
    const host = connectOptions.hostname;
    if (isIP(host) !== 0 && !isAddressAllowed(host, options)) {
      return callback(new AddressNotAllowedError(host), null);
    }
    connector(connectOptions, callback);
  };
  return new Agent({ connect, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs });
}

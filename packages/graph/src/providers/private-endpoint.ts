import { lookup as dnsLookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";

/**
 * Privacy mode (PRIVATE_MODE=true): CVs and answers may only go to servers on this machine or a
 * private network. These checks are for the composition root, before the server starts: it
 * refuses to start when a provider's base URL fails one. Names are resolved once, then: a record
 * that later changes to a public address is not seen.
 */

/** Resolves a host name to every address it has (node:dns's `lookup` with `all: true`). */
export type HostLookup = (hostname: string) => Promise<readonly { address: string; family?: number }[]>;

export interface PrivateEndpointOptions {
  /** How names are resolved (default: the system resolver, as connections will resolve them). */
  lookup?: HostLookup;
}

/** Why privacy mode refuses a setting; names the setting, never its value (it may carry credentials). */
export class PrivateEndpointError extends Error {
  override readonly name = "PrivateEndpointError";
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Where each provider's base-URL setting points when it is unset: public cloud endpoints, so in
 * privacy mode an unset one is refused without resolving anything.
 */
export const PUBLIC_PROVIDER_DEFAULTS = {
  GEMINI_BASE_URL: "https://generativelanguage.googleapis.com",
  OPENAI_BASE_URL: "https://api.openai.com/v1",
  OPENAI_AUDIO_BASE_URL: "https://api.openai.com",
  ELEVENLABS_BASE_URL: "https://api.elevenlabs.io",
  TAVILY_BASE_URL: "https://api.tavily.com",
} as const;

export type ProviderSetting = keyof typeof PUBLIC_PROVIDER_DEFAULTS;

/** The hosts of those defaults. */
export const PUBLIC_PROVIDER_HOSTS: readonly string[] = [...new Set(Object.values(PUBLIC_PROVIDER_DEFAULTS).map((url) => new URL(url).hostname))];

const PRIVATE_V4 = new Set(["loopback", "private", "linkLocal"]);
const PRIVATE_V6 = new Set(["loopback", "uniqueLocal", "linkLocal"]);

/**
 * Whether an address is on this machine or a private network: loopback, RFC 1918, fc00::/7 or
 * link-local (IPv4-mapped IPv6 addresses count as the IPv4 address they carry).
 */
export function isPrivateAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = ipaddr.process(address);
  return ip.kind() === "ipv4" ? PRIVATE_V4.has(ip.range()) : PRIVATE_V6.has(ip.range());
}

/** `localhost` and its subdomains are loopback by definition (RFC 6761), whatever a resolver says. */
const isLocalhost = (host: string) => host === "localhost" || host.endsWith(".localhost");

const systemLookup: HostLookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

const refusal = (setting: string, why: string) =>
  new PrivateEndpointError(setting, `PRIVATE_MODE is on, so ${setting} must point to this machine or a private network, but ${why}. Point it at a local server, or turn PRIVATE_MODE off.`);

/**
 * Throws unless `url` can only reach this machine or a private network: its host is a literal
 * private address, `localhost`, or a name every one of whose addresses is private (a docker
 * compose service such as `http://ollama:11434`, say). A name that does not resolve is refused,
 * since nothing shows it to be private.
 */
export async function assertPrivateEndpoint(setting: string, url: string | URL, options: PrivateEndpointOptions = {}): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PrivateEndpointError(setting, `${setting} is not a valid URL.`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new PrivateEndpointError(setting, `${setting} must be an http or https URL.`);
  // WHATWG URLs bracket IPv6 hosts and normalise shorthand IPv4 (127.1, 0x7f.0.0.1) to dotted form.
  const host = parsed.hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "").toLowerCase();
  if (ipaddr.isValid(host)) {
    if (!isPrivateAddress(host)) throw refusal(setting, `${host} is a public address`);
    return;
  }
  if (isLocalhost(host)) return;
  let addresses: readonly { address: string }[];
  try {
    addresses = await (options.lookup ?? systemLookup)(host);
  } catch {
    throw refusal(setting, `its host ${host} could not be resolved`);
  }
  if (addresses.length === 0) throw refusal(setting, `its host ${host} has no address`);
  const publicOne = addresses.find((a) => !isPrivateAddress(a.address));
  if (publicOne) throw refusal(setting, `its host ${host} resolves to ${publicOne.address}, a public address`);
}

/**
 * The check for one provider setting: unset means the provider's public default, refused at once;
 * set, it must pass `assertPrivateEndpoint`.
 */
export async function assertPrivateProvider(setting: ProviderSetting, configured: string | undefined, options: PrivateEndpointOptions = {}): Promise<void> {
  if (configured === undefined) {
    throw refusal(setting, `it is not set, so the provider's public endpoint (${new URL(PUBLIC_PROVIDER_DEFAULTS[setting]).hostname}) would be used`);
  }
  await assertPrivateEndpoint(setting, configured, options);
}

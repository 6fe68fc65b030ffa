import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/** What an IP address is, as far as fetching a job posting from it is concerned. */
export type AddressClass =
  | "public"
  | "private"
  | "loopback"
  | "linkLocal"
  | "carrierGradeNat"
  | "multicast"
  | "unspecified"
  | "broadcast"
  | "reserved"
  | "metadata";

export interface AddressPolicy {
  /** Also allow private (RFC 1918, fc00::/7) and loopback addresses: intranets and the test suite. */
  allowPrivate?: boolean;
}

type IP = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * Cloud instance-metadata endpoints hand out credentials, so they are refused even when private
 * addresses are allowed (fd00:ec2::254 is otherwise an ordinary unique-local address).
 */
const METADATA: IP[] = ["169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200", "192.0.0.192"].map(
  (a) => ipaddr.parse(a),
);

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3");
const NAT64_WELL_KNOWN = ipaddr.parseCIDR("64:ff9b::/96");

const V4_CLASSES: Partial<Record<string, AddressClass>> = {
  unicast: "public",
  private: "private",
  loopback: "loopback",
  linkLocal: "linkLocal",
  carrierGradeNat: "carrierGradeNat",
  multicast: "multicast",
  unspecified: "unspecified",
  broadcast: "broadcast",
};

const V6_CLASSES: Partial<Record<string, AddressClass>> = {
  uniqueLocal: "private",
  deprecatedSiteLocal: "private",
  loopback: "loopback",
  linkLocal: "linkLocal",
  multicast: "multicast",
  unspecified: "unspecified",
};

const v4FromParts = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);

function classify(ip: IP): AddressClass {
  if (METADATA.some((m) => m.kind() === ip.kind() && ip.match(m, ip.kind() === "ipv4" ? 32 : 128))) return "metadata";
  if (ip.kind() === "ipv4") return V4_CLASSES[ip.range()] ?? "reserved";
  const v6 = ip as ipaddr.IPv6;
  const [, p1 = 0, p2 = 0, , , , p6 = 0, p7 = 0] = v6.parts;
  switch (v6.range()) {
    // Forms that carry an IPv4 address reach that address: judge the address they carry.
    case "ipv4Mapped":
    case "rfc6145":
      return classify(v4FromParts(p6, p7));
    case "rfc6052":
      // Only the well-known NAT64 prefix has a fixed layout (DNS64 networks use it for every site).
      return v6.match(NAT64_WELL_KNOWN) ? classify(v4FromParts(p6, p7)) : "reserved";
    case "6to4":
      return classify(v4FromParts(p1, p2));
    case "unicast":
      // ipaddr.js calls anything it has no name for "unicast"; only 2000::/3 is assigned for it
      // (this also refuses the deprecated IPv4-compatible ::a.b.c.d).
      return v6.match(GLOBAL_UNICAST_V6) ? "public" : "reserved";
    default:
      return V6_CLASSES[v6.range()] ?? "reserved";
  }
}

/**
 * The class of an IP address, or undefined when the text is not one. Accepts the forms DNS
 * resolvers and URL parsers produce, IPv6 zone ids and brackets included.
 */
export function classifyAddress(address: string): AddressClass | undefined {
  const bare = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  if (!ipaddr.isValid(bare)) return undefined;
  try {
    return classify(ipaddr.parse(bare));
  } catch {
    return undefined;
  }
}

/** Whether a fetch may connect to this address. Anything that is not an IP address is refused. */
export function isAddressAllowed(address: string, policy: AddressPolicy = {}): boolean {
  const kind = classifyAddress(address);
  if (kind === "public") return true;
  return policy.allowPrivate === true && (kind === "private" || kind === "loopback");
}

/**
 * The IP address a URL's host names literally, or undefined for a host name. The WHATWG URL
 * parser has already turned decimal, octal and hex IPv4 forms into dotted decimal.
 */
export function literalAddress(url: URL): string | undefined {
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  return isIP(host) === 0 ? undefined : host;
}

import { describe, expect, it } from "vitest";
import { classifyAddress, isAddressAllowed, literalAddress, type AddressClass } from "./address.js";

// Classified only: nothing here is ever connected to.
const TABLE: [string, AddressClass | undefined][] = [
  ["93.184.216.34", "public"],
  ["8.8.8.8", "public"],
  ["2606:4700::1", "public"],
  ["2a00:1450:4001:80b::200e", "public"],
  ["127.0.0.1", "loopback"],
  ["127.255.255.254", "loopback"],
  ["::1", "loopback"],
  ["10.1.2.3", "private"],
  ["172.16.0.1", "private"],
  ["172.31.255.255", "private"],
  ["192.168.1.10", "private"],
  ["fc00::1", "private"],
  ["fd12:3456::1", "private"],
  ["169.254.1.1", "linkLocal"],
  ["fe80::1", "linkLocal"],
  ["fe80::1%eth0", "linkLocal"],
  ["100.64.0.1", "carrierGradeNat"],
  ["100.127.255.255", "carrierGradeNat"],
  ["224.0.0.251", "multicast"],
  ["ff02::1", "multicast"],
  ["0.0.0.0", "unspecified"],
  ["::", "unspecified"],
  ["255.255.255.255", "broadcast"],
  ["192.0.2.1", "reserved"],
  ["198.18.0.1", "reserved"],
  ["240.0.0.1", "reserved"],
  ["2001:db8::1", "reserved"],
  ["169.254.169.254", "metadata"],
  ["fd00:ec2::254", "metadata"],
  ["100.100.100.200", "metadata"],
  // IPv6 forms that carry an IPv4 address are judged by that address.
  ["::ffff:127.0.0.1", "loopback"],
  ["::ffff:7f00:1", "loopback"],
  ["::ffff:10.0.0.1", "private"],
  ["::ffff:169.254.169.254", "metadata"],
  ["::ffff:93.184.216.34", "public"],
  ["64:ff9b::10.0.0.1", "private"],
  ["64:ff9b::93.184.216.34", "public"],
  ["2002:7f00:1::", "loopback"],
  ["::7f00:1", "reserved"],
  ["[::1]", "loopback"],
  ["example.com", undefined],
  ["", undefined],
];

describe("the address filter", () => {
  it.each(TABLE)("classifies %s as %s", (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it("allows only public addresses by default", () => {
    const allowed = TABLE.filter(([address]) => isAddressAllowed(address)).map(([address]) => address);
    expect(allowed).toEqual(["93.184.216.34", "8.8.8.8", "2606:4700::1", "2a00:1450:4001:80b::200e", "::ffff:93.184.216.34", "64:ff9b::93.184.216.34"]);
  });

  it("with allowPrivate, also allows private and loopback addresses, but never metadata, link-local or unspecified ones", () => {
    const policy = { allowPrivate: true };
    for (const address of ["127.0.0.1", "::1", "10.1.2.3", "192.168.1.10", "fd12:3456::1", "::ffff:10.0.0.1"]) {
      expect(isAddressAllowed(address, policy), address).toBe(true);
    }
    for (const address of ["169.254.169.254", "fd00:ec2::254", "::ffff:169.254.169.254", "169.254.1.1", "fe80::1", "100.64.0.1", "0.0.0.0", "::", "224.0.0.251", "255.255.255.255", "not-an-ip"]) {
      expect(isAddressAllowed(address, policy), address).toBe(false);
    }
  });

  it("sees through the decimal, octal and hex IPv4 forms once the URL parser has normalised them", () => {
    for (const written of ["http://2130706433/", "http://0x7f.0.0.1/", "http://0177.0.0.1/", "http://127.1/", "http://[::ffff:127.0.0.1]/"]) {
      const literal = literalAddress(new URL(written));
      expect(literal, written).toBeDefined();
      expect(classifyAddress(literal!), written).toBe("loopback");
    }
    expect(literalAddress(new URL("http://0xa9fea9fe/latest/meta-data/"))).toBe("169.254.169.254");
    expect(literalAddress(new URL("https://jobs.example.com/123"))).toBeUndefined();
  });
});

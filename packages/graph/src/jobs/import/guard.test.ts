import type { LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { request } from "undici";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AddressNotAllowedError, guardedDispatcher, guardedLookup, resolveAllowed } from "./guard.js";
import { startJobSite, type JobSite } from "./testing/job-site.js";
import { fakeLookup, staticLookup } from "./testing/lookup.js";

// Resolvers here are scripted; the only server ever connected to is the loopback job site.
const resolveWith = (lookup: LookupFunction, host: string) =>
  new Promise<LookupAddress[]>((resolve, reject) =>
    lookup(host, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses as LookupAddress[]))),
  );

describe("resolving a host before connecting", () => {
  it("passes public answers through unchanged", async () => {
    const lookup = guardedLookup({ lookup: staticLookup({ "jobs.example.com": ["93.184.216.34", "2606:4700::1"] }) });
    expect(await resolveWith(lookup, "jobs.example.com")).toEqual([
      { address: "93.184.216.34", family: 4 },
      { address: "2606:4700::1", family: 6 },
    ]);
  });

  it("refuses a host with any private answer among public ones", async () => {
    const lookup = staticLookup({ "mixed.example.com": ["93.184.216.34", "10.0.0.7"] });
    await expect(resolveAllowed("mixed.example.com", { lookup })).rejects.toBeInstanceOf(AddressNotAllowedError);
  });

  it("refuses a rebinding host at connect time although an earlier answer was public", async () => {
    // First answer public (an earlier check), every later one the loopback address.
    const rebinding = fakeLookup((_, n) => (n === 0 ? ["93.184.216.34"] : ["127.0.0.1"]));
    await expect(resolveAllowed("rebind.example.com", { lookup: rebinding })).resolves.toHaveLength(1);
    const atConnect = guardedLookup({ lookup: rebinding });
    await expect(resolveWith(atConnect, "rebind.example.com")).rejects.toBeInstanceOf(AddressNotAllowedError);
    expect(rebinding.calls).toEqual(["rebind.example.com", "rebind.example.com"]);
  });

  it("answers in the single-address form when net.connect asks for one", async () => {
    const lookup = guardedLookup({ lookup: staticLookup({ "intranet.test": "10.0.0.7" }), allowPrivate: true });
    const answer = await new Promise((resolve, reject) =>
      lookup("intranet.test", { family: 0 }, (e, address, family) => (e ? reject(e) : resolve({ address, family }))),
    );
    expect(answer).toEqual({ address: "10.0.0.7", family: 4 });
  });

  it("lets a DNS failure through as a DNS failure, not a refusal", async () => {
    await expect(resolveAllowed("nowhere.invalid", { lookup: staticLookup({}) })).rejects.toMatchObject({ code: "ENOTFOUND" });
  });
});

describe("the connection guard on its own", () => {
  let site: JobSite;
  beforeAll(async () => {
    site = await startJobSite();
  });
  afterAll(() => site.close());
  beforeEach(() => {
    site.requests.length = 0;
  });

  const get = async (url: string, options: Parameters<typeof guardedDispatcher>[0]) => {
    const dispatcher = guardedDispatcher(options);
    try {
      const response = await request(url, { dispatcher });
      await response.body.dump();
      return response.statusCode;
    } finally {
      await dispatcher.destroy();
    }
  };

  it("refuses, as it connects, a host name whose answer is refused, with no earlier check to rely on", async () => {
    const lookup = staticLookup({ "careers.example.test": "127.0.0.1" });
    const refused = get(`http://careers.example.test:${site.port}/jobs/data-engineer`, { lookup, timeoutMs: 2000 });
    await expect(refused).rejects.toBeInstanceOf(AddressNotAllowedError);
    expect(site.requests).toEqual([]);
    expect(await get(`http://careers.example.test:${site.port}/jobs/data-engineer`, { lookup, allowPrivate: true, timeoutMs: 2000 })).toBe(200);
  });

  it("refuses a literal IP host, which net.connect never resolves", async () => {
    await expect(get(`http://127.0.0.1:${site.port}/jobs/data-engineer`, { timeoutMs: 2000 })).rejects.toBeInstanceOf(AddressNotAllowedError);
    expect(site.requests).toEqual([]);
  });
});

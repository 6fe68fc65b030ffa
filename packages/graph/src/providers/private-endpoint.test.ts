import { describe, expect, it } from "vitest";
import { assertPrivateEndpoint, assertPrivateProvider, isPrivateAddress, PrivateEndpointError, PUBLIC_PROVIDER_HOSTS, type HostLookup } from "./private-endpoint.js";

/** A resolver from a table: no name in these tests is ever resolved for real. */
const resolver = (table: Record<string, string[]>) => {
  const asked: string[] = [];
  const lookup: HostLookup = async (hostname) => {
    asked.push(hostname);
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return { lookup, asked };
};

/** The reason a URL is refused, or undefined when it is accepted. */
const refusal = (url: string, table: Record<string, string[]> = {}) =>
  assertPrivateEndpoint("OPENAI_BASE_URL", url, { lookup: resolver(table).lookup }).then(
    () => undefined,
    (error: unknown) => error,
  );

describe("privacy mode: provider endpoints must be private", () => {
  it.each(["http://127.0.0.1:11434", "http://localhost", "http://localhost:8000/v1", "http://[::1]:8080/v1", "http://192.168.1.20:1234", "http://172.16.0.9", "http://[fd12:3456::1]", "http://169.254.10.1"])(
    "accepts %s without resolving anything",
    async (url) => {
      const { lookup, asked } = resolver({});
      await expect(assertPrivateEndpoint("OPENAI_BASE_URL", url, { lookup })).resolves.toBeUndefined();
      expect(asked).toEqual([]);
    },
  );

  it("accepts a name that resolves to a private network, as a docker compose service does", async () => {
    const { lookup, asked } = resolver({ ollama: ["10.0.0.5"] });
    await expect(assertPrivateEndpoint("OPENAI_BASE_URL", "http://ollama:11434/v1", { lookup })).resolves.toBeUndefined();
    expect(asked).toEqual(["ollama"]);
  });

  it("refuses https://api.openai.com, naming the setting and the public address it resolves to", async () => {
    const error = await refusal("https://api.openai.com/v1", { "api.openai.com": ["162.159.140.245"] });
    expect(error).toBeInstanceOf(PrivateEndpointError);
    expect(error).toMatchObject({ setting: "OPENAI_BASE_URL" });
    expect((error as Error).message).toMatch(/PRIVATE_MODE is on, so OPENAI_BASE_URL must point to this machine or a private network/);
    expect((error as Error).message).toContain("api.openai.com resolves to 162.159.140.245");
  });

  it("refuses a name when any of its addresses is public", async () => {
    const error = await refusal("http://models.internal", { "models.internal": ["10.1.2.3", "2606:4700::6810:84e5"] });
    expect((error as Error).message).toContain("2606:4700::6810:84e5, a public address");
  });

  it.each(["http://8.8.8.8:11434", "http://172.32.0.1", "http://100.64.0.1", "http://0.0.0.0:11434", "http://[2001:4860:4860::8888]", "http://[::ffff:8.8.8.8]"])(
    "refuses the public or unspecified literal address %s",
    async (url) => {
      expect(await refusal(url)).toBeInstanceOf(PrivateEndpointError);
    },
  );

  it("reads an IPv4-mapped IPv6 address as the IPv4 address it carries", () => {
    expect(isPrivateAddress("::ffff:10.0.0.5")).toBe(true);
    expect(isPrivateAddress("::ffff:8.8.8.8")).toBe(false);
  });

  it("refuses a name that does not resolve, since nothing shows it is private", async () => {
    const error = await refusal("http://ollama:11434");
    expect((error as Error).message).toContain("ollama could not be resolved");
  });

  it("never repeats credentials from the URL in its error", async () => {
    const error = await refusal("http://admin:s3cret-token@8.8.8.8/v1");
    expect((error as Error).message).not.toContain("s3cret-token");
    expect((error as Error).message).not.toContain("admin");
    const invalid = await refusal("not a url with s3cret-token");
    expect((invalid as Error).message).toBe("OPENAI_BASE_URL is not a valid URL.");
  });

  it("refuses an unset provider setting, since its default is a public cloud endpoint, without resolving it", async () => {
    const { lookup, asked } = resolver({});
    const error = await assertPrivateProvider("GEMINI_BASE_URL", undefined, { lookup }).catch((e: unknown) => e);
    expect((error as Error).message).toContain("GEMINI_BASE_URL");
    expect((error as Error).message).toContain("generativelanguage.googleapis.com");
    expect(asked).toEqual([]);
    await expect(assertPrivateProvider("ELEVENLABS_BASE_URL", "http://tts:8000", { lookup: resolver({ tts: ["172.18.0.4"] }).lookup })).resolves.toBeUndefined();
    expect(PUBLIC_PROVIDER_HOSTS).toEqual(expect.arrayContaining(["generativelanguage.googleapis.com", "api.openai.com", "api.elevenlabs.io", "api.tavily.com"]));
  });
});

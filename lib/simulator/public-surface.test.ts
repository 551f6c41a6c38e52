import { afterEach, describe, expect, it } from "vitest";
import { appOrigin } from "@/lib/config";
import { ApiError } from "@/lib/errors";
import { assertEnabled, publicBase } from "./http";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe("the simulator behind a real upstream", () => {
  it("answers when no upstream is configured (it is the upstream)", () => {
    delete process.env.UPSTREAM_BASE_URL;
    delete process.env.SIMULATOR_ENABLED;
    expect(() => assertEnabled()).not.toThrow();
  });

  it("answers 404 once UPSTREAM_BASE_URL is set, unless SIMULATOR_ENABLED=true", () => {
    process.env.UPSTREAM_BASE_URL = "https://api.example.com";
    delete process.env.SIMULATOR_ENABLED;
    expect(() => assertEnabled()).toThrow(ApiError);
    try {
      assertEnabled();
    } catch (err) {
      expect((err as ApiError).status).toBe(404);
      expect((err as ApiError).message).toMatch(/SIMULATOR_ENABLED/);
    }
    process.env.SIMULATOR_ENABLED = "false";
    expect(() => assertEnabled()).toThrow(ApiError);
    process.env.SIMULATOR_ENABLED = "true";
    expect(() => assertEnabled()).not.toThrow();
  });
});

describe("the public origin", () => {
  it("comes from PUBLIC_ORIGIN, never from Host or X-Forwarded-* headers", () => {
    process.env.PUBLIC_ORIGIN = "https://play.example.com/some/path";
    const forged = new Request("http://127.0.0.1:3000/api/simulator/v1/tasks", {
      headers: { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
    });
    expect(publicBase(forged)).toBe("https://play.example.com");
    expect(appOrigin()).toBe("https://play.example.com");
  });

  it("defaults to localhost on PORT, and refuses a PUBLIC_ORIGIN that is not an http(s) origin", () => {
    delete process.env.PUBLIC_ORIGIN;
    process.env.PORT = "3210";
    expect(appOrigin()).toBe("http://localhost:3210");
    process.env.PUBLIC_ORIGIN = "javascript:alert(1)";
    expect(() => appOrigin()).toThrow(/PUBLIC_ORIGIN/);
  });
});

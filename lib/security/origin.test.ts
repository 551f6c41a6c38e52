import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/errors";
import { checkSameOrigin } from "./origin";

const EMBED = ["https://docs.example.com"];
const check = (headers: Record<string, string>) => () => checkSameOrigin(new Headers({ host: "play.example.com", ...headers }), EMBED);

function refusal(fn: () => void): ApiError {
  try {
    fn();
  } catch (err) {
    return err as ApiError;
  }
  throw new Error("not refused");
}

describe("checkSameOrigin", () => {
  it.each([
    [{ "sec-fetch-site": "same-origin", origin: "https://play.example.com" }],
    [{ "sec-fetch-site": "none" }],
    [{ "sec-fetch-site": "cross-site", origin: "https://docs.example.com" }],
    [{ origin: "https://play.example.com" }],
    [{ origin: "https://docs.example.com" }],
    [{}],
  ])("lets %j through", (headers) => {
    expect(check(headers)).not.toThrow();
  });

  it.each([
    [{ "sec-fetch-site": "cross-site", origin: "https://evil.example" }],
    [{ "sec-fetch-site": "same-site", origin: "https://other.example.com" }],
    [{ "sec-fetch-site": "cross-site" }],
    [{ "sec-fetch-site": "cross-site", origin: "null" }],
    [{ origin: "https://evil.example" }],
    [{ origin: "null" }],
    [{ origin: "http://play.example.com:8080" }],
    [{ origin: "not a url" }],
  ])("refuses %j with a 403 permission_error in the envelope", (headers) => {
    const err = refusal(check(headers));
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(403);
    expect(err.toBody().error).toMatchObject({ type: "permission_error", message: expect.stringMatching(/EMBED_ALLOWED_ORIGINS/) });
  });

  it("does not trust the Sec-Fetch-Site of a browser that says same-site over an allowed-looking Origin it lacks", () => {
    expect(() => checkSameOrigin(new Headers({ "sec-fetch-site": "same-site", origin: "https://docs.example.com" }), [])).toThrow(ApiError);
  });
});

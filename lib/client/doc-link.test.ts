import { describe, expect, it } from "vitest";
import { localDocLink } from "./doc-link";

describe("localDocLink", () => {
  it("keeps the guide's path and anchor, in the page's language", () => {
    const doc = "https://playground.example/models/nano-banana-2#error-invalid_request_error";
    expect(localDocLink(doc, "en")).toBe("/models/nano-banana-2#error-invalid_request_error");
    expect(localDocLink(doc, "ru")).toBe("/ru/models/nano-banana-2#error-invalid_request_error");
    expect(localDocLink("http://localhost:3000/models/gemini-omni-flash#faq-2", "ru")).toBe("/ru/models/gemini-omni-flash#faq-2");
    expect(localDocLink("http://localhost:3000/models/nano-banana-2", "en")).toBe("/models/nano-banana-2");
    // Without PUBLIC_ORIGIN the server sends the path alone.
    expect(localDocLink("/models/nano-banana-2#error-rate_limit_exceeded", "ru")).toBe(
      "/ru/models/nano-banana-2#error-rate_limit_exceeded",
    );
  });

  it("shows no link for what is not one of the site's guides", () => {
    expect(localDocLink(undefined, "en")).toBeNull();
    expect(localDocLink("", "en")).toBeNull();
    expect(localDocLink("not a url", "en")).toBeNull();
    expect(localDocLink("https://evil.example/phish", "en")).toBeNull();
    expect(localDocLink("https://x.example/models/a/b#error", "en")).toBeNull();
    expect(localDocLink('https://x.example/models/a#x"onmouseover=', "en")).toBeNull();
    expect(localDocLink("javascript:alert(1)//models/a", "en")).toBeNull();
    expect(localDocLink("//evil.example/models/a", "en")).toBe("/models/a");
  });
});

import { describe, expect, it } from "vitest";
import { getModel } from "@/lib/models/registry";
import { guideEmbedPath } from "./paths";

describe("guideEmbedPath", () => {
  it("opens the embed in the page's language: English without a query, Russian with ?lang=ru", () => {
    const spec = getModel("nano-banana-2");
    expect(guideEmbedPath(spec, "en")).toBe("/embed/nano-banana-2");
    expect(guideEmbedPath(spec)).toBe("/embed/nano-banana-2");
    expect(guideEmbedPath(spec, "ru")).toBe("/embed/nano-banana-2?lang=ru");
  });
});

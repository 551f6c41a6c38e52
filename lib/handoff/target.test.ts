import { describe, expect, it } from "vitest";
import { mediaSlot, uploadRefusalFor } from "./target";

describe("the export target", () => {
  it("finds where each mode's media go in the upstream body (for exported scripts' uploads)", () => {
    const contract = { dialect: "task-contract" as const };
    const gateway = { dialect: "generation-task" as const };
    expect(mediaSlot("text-to-video", gateway)).toBeNull();
    expect(mediaSlot("image-to-video", contract)).toEqual({ path: ["input", "image_url"], list: false });
    expect(mediaSlot("r2v", contract)).toEqual({ path: ["input", "reference_image_urls"], list: true });
    expect(mediaSlot("video-edit", contract)).toEqual({ path: ["input", "video_url"], list: false });
    expect(mediaSlot("image-to-video", gateway)).toEqual({ path: ["image_urls"], list: true });
    expect(mediaSlot("r2v", gateway)).toEqual({ path: ["image_urls"], list: true });
    expect(mediaSlot("video-edit", gateway)).toEqual({ path: ["video_urls"], list: true });
    expect(uploadRefusalFor("video-edit", gateway)).toMatch(/only image uploads/);
    expect(uploadRefusalFor("image-to-video", gateway)).toBeNull();
    expect(uploadRefusalFor("video-edit", contract)).toBeNull();
  });
});

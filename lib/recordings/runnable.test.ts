import { describe, expect, it } from "vitest";
import { runnableValues } from "./runnable";

const recorder = "http://127.0.0.1:3712/api/simulator/files";

describe("runnableValues", () => {
  it("leaves out media uploaded to a simulator, and says which", () => {
    const { values, dropped } = runnableValues({ mode: "image-to-video", prompt: "p", duration: 6, image_url: `${recorder}/upl_1.png` });
    expect(values).toEqual({ mode: "image-to-video", prompt: "p", duration: 6, image_url: "" });
    expect(dropped).toEqual(["image_url"]);
  });

  it("drops a set of reference images as a whole, and a source video, whatever the server", () => {
    const refs = runnableValues({
      mode: "r2v",
      reference_image_urls: ["https://cdn.example/a.png", "https://playground.example/api/simulator/files/upl_2.jpg"],
    });
    expect(refs.values.reference_image_urls).toEqual([]);
    expect(refs.dropped).toEqual(["reference_image_urls"]);
    const edit = runnableValues({ mode: "video-edit", video_url: `${recorder}/vid_1.mp4` });
    expect(edit).toEqual({ values: { mode: "video-edit", video_url: "" }, dropped: ["video_url"] });
  });

  it("keeps other URLs (a real upstream's storage) as recorded", () => {
    const values = {
      mode: "r2v" as const,
      image_url: "https://storage.example/api/simulator/x.png",
      reference_image_urls: ["https://cdn.example/a.png", "https://cdn.example/b.png"],
      video_url: "not a url",
    };
    expect(runnableValues(values)).toEqual({ values, dropped: [] });
  });
});

import { describe, expect, it } from "vitest";
import { runnableValues } from "./runnable";

const here = "https://playground.example";
const elsewhere = "http://127.0.0.1:3712/api/simulator/files";

describe("runnableValues", () => {
  it("leaves out media uploaded to the recording machine's simulator, and says which", () => {
    const { values, dropped } = runnableValues(
      { mode: "image-to-video", prompt: "p", duration: 6, image_url: `${elsewhere}/upl_1.png` },
      here,
    );
    expect(values).toEqual({ mode: "image-to-video", prompt: "p", duration: 6, image_url: "" });
    expect(dropped).toEqual(["image_url"]);
  });

  it("drops a set of reference images as a whole, and a source video", () => {
    const refs = runnableValues(
      { mode: "r2v", reference_image_urls: [`${here}/api/simulator/files/upl_1.png`, `${elsewhere}/upl_2.jpg`] },
      here,
    );
    expect(refs.values.reference_image_urls).toEqual([]);
    expect(refs.dropped).toEqual(["reference_image_urls"]);
    const edit = runnableValues({ mode: "video-edit", video_url: `${elsewhere}/vid_1.mp4` }, here);
    expect(edit).toEqual({ values: { mode: "video-edit", video_url: "" }, dropped: ["video_url"] });
  });

  it("keeps this server's own files and any other URL (a real upstream's storage) as recorded", () => {
    const values = {
      mode: "r2v" as const,
      image_url: `${here}/api/simulator/files/upl_1.png`,
      reference_image_urls: ["https://cdn.example/a.png", "https://cdn.example/b.png"],
      video_url: "not a url",
    };
    expect(runnableValues(values, here)).toEqual({ values, dropped: [] });
  });
});

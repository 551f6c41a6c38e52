import { afterEach, describe, expect, it } from "vitest";
import { videoPrice } from "./config";

const saved = { price: process.env.PRICE_PER_VIDEO_SECOND, currency: process.env.PRICE_CURRENCY };
afterEach(() => {
  for (const [name, value] of [
    ["PRICE_PER_VIDEO_SECOND", saved.price],
    ["PRICE_CURRENCY", saved.currency],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("videoPrice", () => {
  it("is absent unless the deployment sets a positive price: nothing is guessed", () => {
    delete process.env.PRICE_PER_VIDEO_SECOND;
    expect(videoPrice()).toBeUndefined();
    for (const bad of ["", "0", "-1", "free", "NaN"]) {
      process.env.PRICE_PER_VIDEO_SECOND = bad;
      expect(videoPrice()).toBeUndefined();
    }
  });

  it("reads the price and its currency (USD when none is named; a malformed code means no price)", () => {
    process.env.PRICE_PER_VIDEO_SECOND = "0.05";
    delete process.env.PRICE_CURRENCY;
    expect(videoPrice()).toEqual({ perSecond: 0.05, currency: "USD" });
    process.env.PRICE_CURRENCY = "eur";
    expect(videoPrice()).toEqual({ perSecond: 0.05, currency: "EUR" });
    process.env.PRICE_CURRENCY = "euros";
    expect(videoPrice()).toBeUndefined();
  });
});

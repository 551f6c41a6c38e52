import { expect, type Locator, type Page } from "@playwright/test";

/** The History section as a person sees it: selectors by role and label, kept in one place. */
export class HistoryPage {
  readonly section: Locator;
  readonly toggle: Locator;
  readonly list: Locator;
  readonly items: Locator;
  readonly status: Locator;
  readonly alert: Locator;
  readonly importFile: Locator;
  readonly clipUsage: Locator;
  readonly savedNote: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole("region", { name: "History" });
    this.toggle = this.section.getByRole("button", { name: /^(Show|Hide)$/ });
    this.list = this.section.getByRole("list", { name: "Saved runs" });
    this.items = this.list.getByRole("listitem");
    this.status = this.section.getByRole("status");
    this.alert = this.section.getByRole("alert");
    this.importFile = this.section.getByLabel("History file to import");
    this.clipUsage = this.section.getByTestId("clip-usage");
    this.savedNote = page.getByRole("note", { name: "Saved run" });
  }

  async open() {
    if ((await this.toggle.getAttribute("aria-expanded")) !== "true") await this.toggle.click();
    await expect(this.section.getByRole("button", { name: "Export history" })).toBeVisible();
  }

  /** The run whose prompt contains `text`. */
  item(text: string): Locator {
    return this.items.filter({ hasText: text });
  }

  async action(text: string, name: string) {
    await this.item(text).getByRole("button", { name, exact: true }).click();
  }

  /** Exports the history into `path` (the download's file). */
  async export(path: string, { withClips = false } = {}): Promise<string> {
    await this.section.getByLabel("Include kept clips").setChecked(withClips);
    const download = this.page.waitForEvent("download");
    await this.section.getByRole("button", { name: "Export history" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^video-playground-history-\d{4}-\d\d-\d\d\.json$/);
    await file.saveAs(path);
    return path;
  }

  async import(file: string | { name: string; mimeType: string; buffer: Buffer }) {
    await this.importFile.setInputFiles(file);
  }
}

import type { Catalogue, Locale } from "./index";

// next-intl's types: `useTranslations("ns")` and `t("key")` are checked against messages/en.json (and the contract's `spec`).
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Catalogue;
  }
}

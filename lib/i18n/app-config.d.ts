import type { Locale } from "./locales";
import type en from "../../messages/en.json";

// next-intl types its keys through this interface: a key missing from English fails tsc.
/* eslint-disable @typescript-eslint/consistent-type-definitions */
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}

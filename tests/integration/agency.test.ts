import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getAgencyBranding, getAgencyForClients, getDefaultLanguage, updateAgencyBranding } from "@/lib/data/agency";
import { agencySchema } from "@/lib/validations/agency";

describe("agency branding", () => {
  it("has defaults until an owner saves it, then is used everywhere and audited", async () => {
    await db.agencySettings.deleteMany();
    expect(await getAgencyBranding()).toEqual({ name: "Your agency", logoUrl: null, brandColor: "#0f766e" });
    const owner = await db.user.upsert({
      where: { email: "brand-owner@test.example" },
      create: { email: "brand-owner@test.example", role: "OWNER" },
      update: {},
    });
    const input = agencySchema.parse({ name: "  Ola Digital ", logoUrl: "", brandColor: "#1D4ED8" });
    await updateAgencyBranding({ actor: { id: owner.id, email: owner.email }, input });
    expect(await getAgencyBranding()).toEqual({ name: "Ola Digital", logoUrl: null, brandColor: "#1d4ed8" });
    expect(
      await db.auditLog.findFirst({ where: { action: "agency.updated" }, orderBy: { createdAt: "desc" } }),
    ).toMatchObject({ actorId: owner.id });
  });

  it.each([
    [{ name: "", brandColor: "#000000" }, "name"],
    [{ name: "A", brandColor: "red" }, "brandColor"],
    [{ name: "A", brandColor: "#000000", logoUrl: "http://agency.example/logo.png" }, "logoUrl"],
    [{ name: "A", brandColor: "#000000", logoUrl: "javascript:alert(1)" }, "logoUrl"],
    [{ name: "A", brandColor: "#000000", defaultLanguage: "fr" }, "defaultLanguage"],
    [{ name: "A", brandColor: "#000000", defaultLanguage: "EN" }, "defaultLanguage"],
  ])("refuses %j", (value, field) => {
    const parsed = agencySchema.safeParse(value);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path[0])).toContain(field);
  });
});

describe("the clients' default language", () => {
  it("is none (each browser's) until an owner picks one of ours", async () => {
    expect(agencySchema.parse({ name: "A", brandColor: "#000000", defaultLanguage: "" }).defaultLanguage).toBeNull();
    expect(agencySchema.parse({ name: "A", brandColor: "#000000" }).defaultLanguage).toBeNull();
    const owner = await db.user.upsert({
      where: { email: "brand-owner@test.example" },
      create: { email: "brand-owner@test.example", role: "OWNER" },
      update: {},
    });
    const input = agencySchema.parse({ name: "Ola Digital", brandColor: "#1d4ed8", defaultLanguage: "pt-BR" });
    await updateAgencyBranding({ actor: { id: owner.id, email: owner.email }, input });
    expect(await getDefaultLanguage()).toBe("pt-BR");
    await updateAgencyBranding({
      actor: { id: owner.id, email: owner.email },
      input: { ...input, defaultLanguage: null },
    });
    expect(await getDefaultLanguage()).toBeNull();
  });

  it("is read with the branding in one query for the end client's page, defaults included", async () => {
    await db.agencySettings.deleteMany();
    expect(await getAgencyForClients()).toEqual({
      name: "Your agency",
      logoUrl: null,
      brandColor: "#0f766e",
      defaultLanguage: null,
    });
    const owner = await db.user.upsert({
      where: { email: "brand-owner@test.example" },
      create: { email: "brand-owner@test.example", role: "OWNER" },
      update: {},
    });
    const input = agencySchema.parse({
      name: "Ola Digital",
      logoUrl: "https://agency.example/logo.png",
      brandColor: "#1d4ed8",
      defaultLanguage: "ar",
    });
    await updateAgencyBranding({ actor: { id: owner.id, email: owner.email }, input });
    expect(await getAgencyForClients()).toEqual({
      name: "Ola Digital",
      logoUrl: "https://agency.example/logo.png",
      brandColor: "#1d4ed8",
      defaultLanguage: "ar",
    });
  });
});

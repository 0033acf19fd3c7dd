import { describe, expect, it } from "vitest";
import { contrastRatio, readableOnWhite, textOn } from "@/lib/brand-color";

describe("brand colour contrast", () => {
  it("measures WCAG's contrast ratio", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#fff", "#ffffff")).toBeCloseTo(1, 5);
    // The default teal (teal-700) against white: AA for text.
    expect(contrastRatio("#0f766e", "#ffffff")).toBeGreaterThan(4.5);
    expect(contrastRatio("not a colour", "#ffffff")).toBe(1);
  });

  it("puts white text on dark colours and dark text on light ones", () => {
    expect(textOn("#0f766e")).toBe("#ffffff");
    expect(textOn("#1e3a8a")).toBe("#ffffff");
    expect(textOn("#fde047")).toBe("#0f172a"); // yellow: white on it is 1.3:1
    expect(textOn("#ffffff")).toBe("#0f172a");
  });

  it("keeps the brand colour as text on white only where it reads", () => {
    expect(readableOnWhite("#0f766e")).toBe("#0f766e");
    expect(readableOnWhite("#fde047")).toBe("#0f172a");
    expect(readableOnWhite("#22c55e")).toBe("#0f172a"); // green-500: 2.3:1
  });
});

/*
 * The agency's brand colour is any colour an owner picks: text on it, or in it, must still be
 * readable. WCAG 2's contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio) decides.
 */

const WHITE = "#ffffff";
/** Tailwind's slate-900, the app's text colour. */
const INK = "#0f172a";

/** [r, g, b] of #rgb or #rrggbb, or null. */
function channels(color: string): [number, number, number] | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (!hex) return null;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

function luminance([r, g, b]: [number, number, number]): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The contrast ratio of two colours (1 to 21); 1 when either cannot be read. */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [channels(a), channels(b)];
  if (!x || !y) return 1;
  const [light, dark] = [luminance(x), luminance(y)].sort((p, q) => q - p) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The text colour for a surface of `background`: white, or the app's ink where that reads better. */
export function textOn(background: string): string {
  return contrastRatio(background, WHITE) >= contrastRatio(background, INK) ? WHITE : INK;
}

/** `color` as text on white when it reads there (4.5:1, WCAG AA), else the app's ink. */
export function readableOnWhite(color: string): string {
  return contrastRatio(color, WHITE) >= 4.5 ? color : INK;
}

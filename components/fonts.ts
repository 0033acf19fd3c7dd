import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";

/**
 * Geist for the agency's own pages, set (and preloaded) by their layouts only: the end
 * client's page on a phone uses the system font and downloads no font at all. With
 * `font-sans`: the element computes its font family from these variables, not its parent's.
 */
export const MEMBER_FONTS = `${GeistSans.variable} ${GeistMono.variable} font-sans`;

/** The signed-out pages: Geist Sans only (no page there shows code or ids). */
export const SIGNED_OUT_FONTS = `${GeistSans.variable} font-sans`;

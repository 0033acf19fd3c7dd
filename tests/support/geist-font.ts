/**
 * geist's fonts for the tests: next/font/local runs only inside a Next build (outside one it
 * throws), and the home page sets the member fonts itself (components/fonts.ts).
 */
const font = (name: string) => ({ className: name, variable: `${name}-variable`, style: { fontFamily: name } });

export const GeistSans = font("geist-sans");
export const GeistMono = font("geist-mono");

// A stylesheet compiled to a string by scripts/build/tailwind-inline-loader.cjs (next.config.ts).
declare module "*.pcss" {
  const css: string;
  export default css;
}

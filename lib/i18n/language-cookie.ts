/** The cookie that keeps the end client's own choice of language, scoped to the link's path. */
export const LANGUAGE_COOKIE = "onboard-lang";

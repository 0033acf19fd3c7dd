"use client";

import { useEffect } from "react";

/**
 * Takes a one-time notice's parameter (`?saved=updated`) out of the address once the notice is
 * shown: the page's next render (an action's refresh, a reload) does not say it again.
 */
export function ForgetParam({ name }: { name: string }) {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has(name)) return;
    url.searchParams.delete(name);
    // Next's router takes the native history call in (node_modules/next/dist/docs, "Native History API").
    window.history.replaceState(null, "", `${url.pathname}${url.search}${url.hash}`);
  }, [name]);
  return null;
}

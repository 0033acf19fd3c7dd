"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { checkOnboarding } from "@/lib/actions/onboarding";

const EVERY_MS = 10_000;
/** As long as the server reads ChakraHQ again for it (NUMBER_WATCH_MS in lib/data/onboarding/signup.ts). */
const FOR_MS = 60 * 60_000;

/**
 * On a finished signup's page while no number is connected yet: asks the server every few
 * seconds (it reads ChakraHQ again), and shows the page anew once a number is connected.
 * Renders nothing.
 */
export function NumberWatch({ token }: { token: string }) {
  const router = useRouter();
  useEffect(() => {
    const until = Date.now() + FOR_MS;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const result = await checkOnboarding(token).catch(() => null);
      if (stopped) return;
      if (result?.ok && result.status === "connected" && result.numbers.length > 0) return router.refresh();
      if (Date.now() < until) timer = setTimeout(() => void tick(), EVERY_MS);
    };
    timer = setTimeout(() => void tick(), EVERY_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [token, router]);
  return null;
}

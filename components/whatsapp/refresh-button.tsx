"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { refreshClientAction } from "@/lib/actions/whatsapp";

/**
 * Fetches the plugin's configuration again. On failure the page keeps the last good
 * snapshot and says why; on success the page re-renders with the new one.
 */
export function RefreshButton({ clientId }: { clientId: string }) {
  const router = useRouter();
  const refresh = useMutation({
    mutationKey: ["whatsapp", "refresh", clientId],
    mutationFn: async () => {
      const form = new FormData();
      form.set("clientId", clientId);
      return refreshClientAction(null, form);
    },
    onSuccess: (result) => {
      if (result.ok) router.refresh();
    },
  });
  const result = refresh.data;
  return (
    <div className="flex flex-col items-start gap-2">
      <Button variant="secondary" onClick={() => refresh.mutate()} disabled={refresh.isPending}>
        {refresh.isPending ? "Fetching from ChakraHQ…" : "Refresh from ChakraHQ"}
      </Button>
      <div aria-live="polite">
        {result && !result.ok ? (
          <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
            {result.message}
          </p>
        ) : refresh.isError ? (
          <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
            The refresh did not reach the server. Check your connection; the last good data is shown.
          </p>
        ) : result?.ok ? (
          <p className="text-sm text-emerald-700">{result.message}</p>
        ) : null}
      </div>
    </div>
  );
}

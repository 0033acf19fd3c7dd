/** An email's two parts as a reader gets them: the HTML in a sandboxed frame, then the plain text. */
export function EmailView({ html, text }: { html: string; text: string }) {
  // Links open in the top window, so a sign-in link signs in this browser.
  const framed = html.replace(/<head>/i, '<head><base target="_top">');
  return (
    <>
      <section aria-label="HTML version">
        {/* Sandboxed: the email's HTML runs no script, only its links work. */}
        <iframe
          title="Email (HTML version)"
          srcDoc={framed}
          sandbox="allow-top-navigation-by-user-activation allow-popups"
          className="h-[36rem] w-full rounded-xl border border-slate-200 bg-white"
        />
      </section>
      <details className="rounded-xl border border-slate-200 bg-white p-4">
        <summary className="cursor-pointer font-medium">Plain-text version</summary>
        <pre className="mt-3 font-mono text-sm break-words whitespace-pre-wrap">{text}</pre>
      </details>
    </>
  );
}

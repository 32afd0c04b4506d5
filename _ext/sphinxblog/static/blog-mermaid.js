// Draws the page's Mermaid diagrams (<pre class="mermaid">) with the copy of
// Mermaid served from the site, in the page's light or dark mode, and again
// when the reader switches mode. Mermaid's strict security: no HTML or
// scripts from a diagram's text.
(() => {
  "use strict";
  const diagrams = [...document.querySelectorAll("pre.mermaid")];
  if (!diagrams.length || !window.mermaid) return;
  for (const diagram of diagrams) diagram.dataset.source = diagram.textContent;
  const root = document.documentElement;
  let drawn = null;
  const draw = async () => {
    const mode = root.dataset.theme === "dark" ? "dark" : "default";
    if (mode === drawn) return;
    drawn = mode;
    window.mermaid.initialize({ startOnLoad: false, theme: mode, securityLevel: "strict" });
    for (const diagram of diagrams) {
      diagram.removeAttribute("data-processed");
      diagram.textContent = diagram.dataset.source;
    }
    await window.mermaid.run({ nodes: diagrams, suppressErrors: true });
  };
  new MutationObserver(draw).observe(root, { attributes: true, attributeFilter: ["data-theme"] });
  draw();
})();

// Loads a post's comments (giscus, utterances) only when the reader presses the
// button: until then nothing of the host's is requested.
"use strict";
document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-blog-comments]");
  if (!button) return;
  const settings = JSON.parse(button.dataset.blogComments);
  const script = document.createElement("script");
  script.src = settings.src;
  script.async = true;
  script.crossOrigin = "anonymous";
  for (const [name, value] of Object.entries(settings.attributes)) {
    if (name === "issue-term" || name === "repo" || name === "theme" || name === "label") {
      script.setAttribute(name, value); // utterances reads them without data-
    }
    script.setAttribute(`data-${name}`, value);
  }
  const thread = button.parentElement.querySelector(".blog-comments-thread");
  thread.appendChild(script);
  button.remove();
});

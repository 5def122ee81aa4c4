// FactCheck back-office enhancements. Every page works without this script: the Preview button
// renders the preview on the server, and the schedule form asks for a time zone.
"use strict";

// Live preview: re-render the body through the public Markdown pipeline (server-side) as the editor types.
(function () {
  const form = document.getElementById("editor");
  const body = document.getElementById("f-Body");
  const preview = document.getElementById("preview-body");
  if (!form || !body || !preview) return;
  const url = form.dataset.previewUrl;
  const token = form.querySelector("input[name=__RequestVerificationToken]");
  const language = document.getElementById("f-Language");
  let timer = 0;
  let latest = 0;
  body.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(async function () {
      const request = ++latest;
      const data = new FormData();
      data.append("body", body.value);
      data.append("language", language ? language.value : "");
      if (token) data.append("__RequestVerificationToken", token.value);
      try {
        const response = await fetch(url, { method: "POST", body: data, credentials: "same-origin" });
        // Only the newest answer is shown; the HTML has been through the server's sanitizer. 422 and 503
        // carry the server's (encoded) explanation: a body it cannot render, or one that took too long.
        const explained = response.status === 422 || response.status === 503;
        if ((response.ok || explained) && request === latest) preview.innerHTML = await response.text();
      } catch (e) {
        // Offline or signed out: the Preview button still works.
      }
    }, 600);
  });
})();

// Scheduling: pick the editor's own time zone when it is offered, unless the editor already chose one before.
(function () {
  const zone = document.getElementById("schedule-zone");
  if (!zone || zone.dataset.remembered || typeof Intl === "undefined") return;
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (const option of zone.options) if (option.value === own) option.selected = true;
})();

// Screenshot uploads: a file over the limit is refused before it is sent (the server refuses it too).
(function () {
  for (const input of document.querySelectorAll("input[type=file][data-max-bytes]")) {
    input.addEventListener("change", function () {
      const file = input.files && input.files[0];
      input.setCustomValidity(file && file.size > Number(input.dataset.maxBytes) ? input.dataset.tooLarge : "");
      input.reportValidity();
    });
  }
})();

// Publish, withdraw and delete: a browser dialog asks instead of the confirmation page the button leads to
// without script; when the person agrees, the same form posts straight to the action (with the page's token).
(function () {
  const token = document.querySelector("input[name=__RequestVerificationToken]");
  if (!token) return;
  for (const form of document.querySelectorAll("form[data-confirm]")) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
        return;
      }
      form.method = "post";
      if (!form.querySelector("input[name=__RequestVerificationToken]")) {
        const copy = token.cloneNode();
        copy.removeAttribute("id");
        form.appendChild(copy);
      }
    });
  }
})();

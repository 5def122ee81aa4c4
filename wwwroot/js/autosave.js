// Autosave for the advisory editor (Views/Admin/AdvisoryEditor/_Autosave.cshtml). Two seconds after typing
// stops (at most 15 s after a change while typing goes on), when the page is hidden and when it closes, the
// whole form is posted to the server, which keeps it as this editor's copy: never published, never a revision.
// The editor opens with that copy after a crash, a closed tab or a lost connection ("recovered … keep /
// discard"). Without a connection the copy waits in this browser (localStorage) and is sent when the editor is
// opened again. Leaving the page, or switching the interface language, with unsaved changes asks first.
// Without this script the form saves exactly as before.
"use strict";
(function () {
  const form = document.getElementById("editor");
  const words = document.getElementById("autosave");
  if (!form || !words || !form.dataset.autosaveUrl) return;
  const url = form.dataset.autosaveUrl;
  const who = document.querySelector(".who");
  // One copy per person, advisory (or new advisory) and browser; a new advisory's copy names its own key inside.
  const storageKey = "factcheck-autosave " + (who ? who.textContent.trim() : "") + " " + url;
  // What is compared to tell whether something was typed: not the token, the version or the picker's search box.
  const notTyped = ["__RequestVerificationToken", "Version", "translationSearch", "autosaveKey"];

  function everything() {
    const data = new FormData(form);
    data.delete("translationSearch");
    return new URLSearchParams(data).toString();
  }
  function typedIn(body) {
    const data = new URLSearchParams(body);
    notTyped.forEach(function (name) { data.delete(name); });
    return data.toString();
  }
  function typed() { return typedIn(everything()); }

  const loadedTyped = typed();
  // The page shows input that is not stored (a recovered copy, or the form sent back with errors).
  const shownUnsaved = Boolean(form.dataset.unsaved);
  let kept = shownUnsaved ? "" : everything(); // what the server holds as this editor's copy
  let timer = 0;
  let pendingSince = 0;
  let leaving = false;
  let sent = false; // a copy went to the server from this page: typed back to the stored text, it is updated too

  function isUnsaved() { return shownUnsaved || typed() !== loadedTyped; }

  const status = document.createElement("span");
  status.id = "autosave-status";
  status.className = "meta autosave-status";
  status.setAttribute("role", "status");
  (form.querySelector(".sticky-actions") || form).appendChild(status);
  function say(text) { status.textContent = text; }

  function time(date) {
    try {
      return new Intl.DateTimeFormat(document.documentElement.lang || undefined, { hour: "2-digit", minute: "2-digit" }).format(date);
    } catch (e) {
      return date.toISOString().slice(11, 16) + " UTC";
    }
  }
  // Times written by the server in UTC, shown in the editor's own time.
  for (const element of document.querySelectorAll("time[data-local-time]")) element.textContent = time(new Date(element.getAttribute("datetime")));

  function remember(body) {
    try { localStorage.setItem(storageKey, JSON.stringify({ at: Date.now(), body: body })); } catch (e) { /* private mode, or full */ }
  }
  function forget(body) {
    try {
      const stored = JSON.parse(localStorage.getItem(storageKey) || "null");
      if (!stored || stored.body === body) localStorage.removeItem(storageKey);
    } catch (e) { /* nothing to forget */ }
  }

  async function send(body) {
    const response = await fetch(url, {
      method: "POST", body: new URLSearchParams(body), credentials: "same-origin", headers: { Accept: "application/json" },
    });
    if (!response.ok) {
      // The server says why (too long, not allowed…) in the editor's language.
      const refusal = new Error("autosave answered " + response.status);
      try { refusal.shown = (await response.json()).error; } catch (e) { /* no reason given */ }
      throw refusal;
    }
    return response.json();
  }

  async function keep() {
    clearTimeout(timer);
    pendingSince = 0;
    const body = everything();
    if (body === kept || (!isUnsaved() && !sent)) return;
    remember(body);
    say(words.dataset.saving);
    try {
      const answer = await send(body);
      kept = body;
      sent = true;
      forget(body);
      say(words.dataset.saved.replace("{0}", time(new Date(answer.savedAt))));
    } catch (e) {
      say(e.shown || (e instanceof TypeError || navigator.onLine === false ? words.dataset.offline : words.dataset.failed));
    }
  }

  function changed() {
    if (leaving) return;
    if (!pendingSince) pendingSince = Date.now();
    clearTimeout(timer);
    timer = setTimeout(keep, Math.max(0, Math.min(2000, pendingSince + 15000 - Date.now())));
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  window.addEventListener("online", keep);

  // Hidden (another tab, the phone locked) or closed: send what there is, without waiting for an answer.
  function sendNow() {
    const body = everything();
    if (leaving || body === kept || !isUnsaved()) return;
    remember(body);
    if (navigator.sendBeacon && navigator.sendBeacon(url, new URLSearchParams(body))) kept = body;
  }
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") sendNow(); });
  window.addEventListener("pagehide", sendNow);

  // Saving (or previewing) sends the text itself.
  form.addEventListener("submit", function () {
    leaving = true;
    clearTimeout(timer);
  });

  window.addEventListener("beforeunload", function (event) {
    if (leaving || !isUnsaved()) return;
    sendNow();
    event.preventDefault();
    event.returnValue = "";
  });

  // The interface-language switch reloads this page: ask in words, and make sure the copy is on the server
  // first, so the page comes back in the other language with the text recovered.
  const languages = document.querySelector("form.languages");
  if (languages) {
    languages.addEventListener("submit", async function (event) {
      if (leaving || !isUnsaved()) return;
      event.preventDefault();
      if (!window.confirm(words.dataset.leave)) return;
      await keep();
      leaving = true;
      languages.requestSubmit(event.submitter);
    });
  }

  const keepButton = document.getElementById("recovered-keep");
  if (keepButton) {
    keepButton.addEventListener("click", function (event) {
      event.preventDefault();
      document.getElementById("recovered").hidden = true;
      const first = form.querySelector("input:not([type=hidden]), textarea, select");
      if (first) first.focus();
    });
  }

  // A copy that never reached the server (typed without a connection): send it now, then let the server offer it.
  (async function () {
    let stored = null;
    try { stored = JSON.parse(localStorage.getItem(storageKey) || "null"); } catch (e) { stored = null; }
    if (!stored || typeof stored.body !== "string") return;
    if (typedIn(stored.body) === typed() || stored.at <= Number(words.dataset.recoveredAt || 0)) {
      localStorage.removeItem(storageKey);
      return;
    }
    // Sent with this page's form token (the stored one may belong to an earlier session).
    const body = new URLSearchParams(stored.body);
    body.set("__RequestVerificationToken", new FormData(form).get("__RequestVerificationToken") || "");
    try {
      await send(body.toString());
      localStorage.removeItem(storageKey);
      if (!isUnsaved()) window.location.reload();
    } catch (e) {
      // Still offline, or signed out: kept for the next time.
    }
  })();

  // The form sent back with errors, or recovered: keep it at once, so even that is not lost.
  if (shownUnsaved) changed();
})();

// "The same story in another language" (Views/Admin/AdvisoryEditor/_TranslationPicker.cshtml): as the editor
// types in the search box, the advisories found (in other languages than the one chosen in the form) replace
// the list's choices; the current link stays. Without script the Find button does the same on the server.
"use strict";
(function () {
  const picker = document.getElementById("translation-picker");
  const select = document.getElementById("f-TranslationOf");
  const search = document.getElementById("f-TranslationSearch");
  const found = document.getElementById("translation-found");
  if (!picker || !select || !search || !found || typeof fetch !== "function") return;
  const language = document.getElementById("f-Language");
  let timer = 0;
  let latest = 0;

  async function find() {
    const request = ++latest;
    const query = new URLSearchParams({ q: search.value, lang: language ? language.value : "" });
    if (picker.dataset.id) query.set("id", picker.dataset.id);
    let choices;
    try {
      const response = await fetch(picker.dataset.searchUrl + "?" + query, { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (!response.ok) return;
      choices = await response.json();
    } catch (e) {
      return; // offline: the Find button still works
    }
    if (request !== latest) return; // a newer search is on its way
    // Keep "none" and the current link; the rest is what was found.
    const current = select.value;
    for (const option of [...select.options]) if (option.value !== "" && option.value !== current) option.remove();
    const shown = new Set([...select.options].map(function (o) { return o.value + "\n" + o.textContent; }));
    for (const choice of choices) {
      if (shown.has(choice.value + "\n" + choice.label)) continue;
      const option = document.createElement("option");
      option.value = choice.value;
      option.textContent = choice.label;
      option.dir = "auto";
      select.appendChild(option);
    }
    found.textContent = choices.length === 0 ? picker.dataset.nothing : picker.dataset.found.replace("{0}", String(choices.length));
  }

  search.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(find, 250);
  });
  // Enter in the search box searches (the editor form's first button would otherwise save).
  search.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    clearTimeout(timer);
    find();
  });
})();

// Screenshots inside the editor (Views/Admin/AdvisoryEditor/_Screenshots.cshtml). A file chosen in the upload
// form, dropped anywhere on the page or pasted (Ctrl+V) is staged privately on the server and opens in a dialog
// over the editor: drag to mark as many areas to hide as needed (undo, clear), write the alt text, and "Add"
// burns every area in at once and attaches the screenshot — or reuse an earlier screenshot the server found
// alike ("covered before?"). The list's own buttons work in place too. The editor's form never leaves the page;
// when a change moves the advisory's version, the form follows (only if it was at the version before, so a
// change someone else saved still gives the conflict page). Without script: the upload form and staged page.
"use strict";
(function () {
  const section = document.getElementById("screenshots");
  if (!section) return;
  const inline = { "X-Editor-Inline": "1" };

  // A file dropped on the page must never replace it (and the text typed in it) with the image.
  function hasFiles(event) { return event.dataTransfer && [...event.dataTransfer.types].includes("Files"); }
  document.addEventListener("dragover", function (event) {
    if (!hasFiles(event)) return;
    event.preventDefault();
    section.classList.add("dropping");
  });
  document.addEventListener("dragleave", function (event) { if (!event.relatedTarget) section.classList.remove("dropping"); });
  document.addEventListener("drop", function (event) {
    if (!hasFiles(event)) return;
    event.preventDefault();
    section.classList.remove("dropping");
    const file = firstImage(event.dataTransfer.files);
    if (file) stage(file);
  });

  const stageUrl = section.dataset.stageUrl;
  const dialog = document.getElementById("shot-dialog");
  const list = document.getElementById("shot-list");
  const status = document.getElementById("screenshot-status");
  if (!stageUrl || !dialog || !list || typeof dialog.showModal !== "function" || typeof imageOverlay !== "function") {
    // A new advisory: there is nothing to attach to until it is saved; say so where the screenshots are.
    window.addEventListener("paste", function (event) {
      if (event.clipboardData && firstImage(event.clipboardData.files) && !event.clipboardData.types.includes("text/plain")) {
        event.preventDefault();
        section.scrollIntoView();
      }
    });
    return;
  }

  const dialogForm = document.getElementById("shot-dialog-form");
  const image = document.getElementById("shot-dialog-image");
  const alt = document.getElementById("shot-dialog-alt");
  const caption = document.getElementById("shot-dialog-caption");
  const count = document.getElementById("shot-count");
  const error = document.getElementById("shot-dialog-error");
  const similarList = document.getElementById("shot-similar");
  const uploadForm = document.getElementById("screenshot-upload");
  const token = dialogForm.querySelector("input[name=__RequestVerificationToken]").value;
  let staged = null;
  let areas = [];
  let start = null;
  let busy = false;

  // Uploading no longer leaves the page: say what works instead.
  const leavesHint = document.getElementById("screenshot-upload-leaves");
  const dropHint = document.getElementById("screenshot-drop-hint");
  if (leavesHint) leavesHint.hidden = true;
  if (dropHint) dropHint.hidden = false;

  function firstImage(files) {
    for (const file of files || []) if (file.type.startsWith("image/")) return file;
    return null;
  }
  function say(text) { if (status) status.textContent = text; }
  function fail(text) {
    error.textContent = text || section.dataset.failed;
    error.hidden = false;
  }

  async function post(url, data) {
    data.set("__RequestVerificationToken", token);
    return fetch(url, { method: "POST", body: data, credentials: "same-origin", headers: inline });
  }
  async function problemOf(response) {
    try { return (await response.json()).error || section.dataset.failed; } catch (e) { return section.dataset.failed; }
  }

  /**
   * The answer of a change made in place: the new list, and the advisory's version before and after it. The
   * editor form and the workflow buttons (publish, submit…) carry the version they were shown at.
   */
  async function showList(response) {
    list.innerHTML = await response.text();
    const before = response.headers.get("X-Version-Before");
    const after = response.headers.get("X-Version");
    if (!after) return;
    for (const version of document.querySelectorAll("#editor input[name=Version], .editor-side input[name=version]"))
      if (version.value === before) version.value = after;
  }

  // ---- Staging: a chosen, dropped or pasted file -------------------------------------------------

  async function stage(file, typedAlt, typedCaption) {
    if (busy) return;
    if (file.size > Number(section.dataset.maxBytes)) { say(section.dataset.tooLarge); return; }
    busy = true;
    say("…");
    const data = new FormData();
    data.append("file", file, file.name || "pasted.png");
    try {
      const response = await post(stageUrl, data);
      if (!response.ok) { say(await problemOf(response)); return; }
      open(await response.json(), typedAlt || "", typedCaption || "");
      say("");
    } catch (e) {
      say(section.dataset.failed);
    } finally {
      busy = false;
    }
  }

  if (uploadForm) {
    uploadForm.addEventListener("submit", function (event) {
      const input = document.getElementById("shot-file");
      const file = input && firstImage(input.files);
      if (!file) return; // the browser, or the server, says what is wrong
      event.preventDefault();
      stage(file, document.getElementById("shot-alt").value, document.getElementById("shot-caption").value);
    });
  }

  window.addEventListener("paste", function (event) {
    const data = event.clipboardData;
    const file = data && firstImage(data.files);
    // An image alone (a screenshot tool, "copy image"); text pasted into a field stays text.
    if (!file || data.types.includes("text/plain") || dialog.open) return;
    event.preventDefault();
    stage(file);
  });

  // ---- The dialog: areas to hide, texts, "covered before?" -----------------------------------------

  const canvas = document.createElement("canvas");
  canvas.className = "redact-canvas";
  canvas.id = "shot-dialog-canvas";
  canvas.setAttribute("aria-hidden", "true");
  image.parentNode.appendChild(canvas);
  const overlay = imageOverlay(image, canvas); // overlay.js

  function open(answer, typedAlt, typedCaption) {
    staged = answer;
    areas = [];
    error.hidden = true;
    alt.value = typedAlt;
    caption.value = typedCaption;
    image.width = answer.width;
    image.height = answer.height;
    image.src = answer.image;
    showSimilar(answer.similar || []);
    update();
    dialog.showModal();
  }

  function showSimilar(matches) {
    similarList.replaceChildren();
    document.getElementById("shot-no-similar").hidden = matches.length > 0;
    document.getElementById("shot-similar-hint").hidden = matches.length === 0;
    for (const match of matches) {
      const item = document.createElement("li");
      if (match.thumbnail) {
        const thumbnail = document.createElement("img");
        thumbnail.src = match.thumbnail;
        thumbnail.alt = match.altText;
        item.appendChild(thumbnail);
      }
      const title = document.createElement("span");
      title.textContent = match.title;
      title.lang = match.language;
      title.dir = "auto";
      const state = document.createElement("span");
      state.className = "meta";
      state.textContent = match.status + " · " + section.dataset.distance.replace("{0}", String(match.distance));
      const use = document.createElement("button");
      use.type = "button";
      use.textContent = section.dataset.reuse;
      use.dataset.shot = String(match.id);
      use.addEventListener("click", function () { reuse(match.id); });
      item.append(title, state, use);
      similarList.appendChild(item);
    }
  }

  /** The area between two points, in the image's pixels, with the style chosen. */
  function area(a, b) {
    const checked = dialogForm.querySelector("input[name=dialogStyle]:checked");
    return Object.assign(overlay.rectangle(a, b), { style: checked ? checked.value : "BlackBox" });
  }

  function update(drawing) {
    const context = overlay.clear();
    if (!staged) return;
    const s = overlay.scale();
    for (const shown of drawing ? areas.concat([drawing]) : areas) {
      // What will be hidden, drawn nearly opaque; the server burns it into the pixels when the screenshot is added.
      context.fillStyle = shown.style === "Pixelate" ? "rgba(90, 90, 90, 0.85)" : "rgba(0, 0, 0, 0.85)";
      context.strokeStyle = "#b42318";
      context.lineWidth = 2;
      context.fillRect(shown.x / s, shown.y / s, shown.width / s, shown.height / s);
      context.strokeRect(shown.x / s, shown.y / s, shown.width / s, shown.height / s);
    }
    count.textContent = section.dataset.rectangles.replace("{0}", String(areas.length));
    document.getElementById("shot-undo").disabled = areas.length === 0;
    document.getElementById("shot-clear").disabled = areas.length === 0;
  }

  canvas.addEventListener("pointerdown", function (event) {
    start = overlay.point(event);
    canvas.setPointerCapture(event.pointerId);
    event.preventDefault();
  });
  canvas.addEventListener("pointermove", function (event) { if (start) update(area(start, overlay.point(event))); });
  canvas.addEventListener("pointerup", function (event) {
    if (!start) return;
    const drawn = area(start, overlay.point(event));
    start = null;
    if (drawn.width >= 2 && drawn.height >= 2) areas.push(drawn);
    update();
  });
  image.addEventListener("load", function () { update(); });
  window.addEventListener("resize", function () { if (dialog.open) update(); });
  document.getElementById("shot-undo").addEventListener("click", function () { areas.pop(); update(); });
  document.getElementById("shot-clear").addEventListener("click", function () { areas = []; update(); });

  function close() {
    staged = null;
    if (dialog.open) dialog.close();
    if (uploadForm) uploadForm.reset();
  }

  /** Attaches a screenshot to the advisory — the staged one, or one reused — with the texts typed in the dialog. */
  async function attach(url, data) {
    if (busy || !staged) return;
    busy = true;
    data.set("altText", alt.value);
    data.set("caption", caption.value);
    try {
      const response = await post(url, data);
      if (!response.ok) { fail(await problemOf(response)); return; }
      await showList(response);
      close();
      say(section.dataset.added);
    } catch (e) {
      fail();
    } finally {
      busy = false;
    }
  }

  dialogForm.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!staged) return;
    const data = new FormData();
    // Strings, as the coordinates form posts them: the server reads both the same way.
    data.set("redactions", JSON.stringify(areas.map(function (a) {
      return { x: String(a.x), y: String(a.y), width: String(a.width), height: String(a.height), style: a.style };
    })));
    attach(staged.add, data);
  });

  function reuse(shotId) {
    if (!staged) return;
    const data = new FormData();
    data.set("shotId", String(shotId));
    data.set("token", staged.token);
    attach(section.dataset.reuseUrl, data);
  }

  async function discard() {
    if (staged) {
      const data = new FormData();
      data.set("command", "discard");
      try { await post(staged.discard, data); } catch (e) { /* it expires on its own */ }
    }
    close();
  }
  document.getElementById("shot-discard").addEventListener("click", discard);
  dialog.addEventListener("cancel", function (event) {
    event.preventDefault();
    discard();
  });

  // ---- The list's own forms: texts, move, remove — in place (redact again opens its page) ------------

  list.addEventListener("submit", async function (event) {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.action.endsWith("/redact") || busy) return;
    event.preventDefault();
    busy = true;
    const data = new FormData(form);
    const problem = form.querySelector(".field-error");
    try {
      const response = await post(form.action, data);
      if (!response.ok) {
        const text = await problemOf(response);
        if (problem) { problem.textContent = text; problem.hidden = false; } else say(text);
        return;
      }
      await showList(response);
      say(form.classList.contains("shot-texts-form") ? section.dataset.savedTexts : "");
    } catch (e) {
      say(section.dataset.failed);
    } finally {
      busy = false;
    }
  });
})();

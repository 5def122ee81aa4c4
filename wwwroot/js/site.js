// Public pages work without script; this only adds a "Copy" button beside each indicator (phone number,
// link, handle) so readers can paste it exactly into a search, a block list or a report. Labels come
// from the page (<main data-copy data-copied>) in its language.
(() => {
  const main = document.getElementById("main");
  if (!main) return;
  const label = main.dataset.copy || "Copy";
  const done = main.dataset.copied || "Copied";

  const copy = async (text) => {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Plain http (no clipboard API): select the text and use the older command.
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "visually-hidden";
      document.body.append(area);
      area.select();
      const copied = document.execCommand("copy");
      area.remove();
      return copied;
    }
  };

  for (const value of document.querySelectorAll("[data-copy-value]")) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.textContent = label;
    // "Copy +44 7700 900517": which value, for screen readers that reach the button on its own.
    button.setAttribute("aria-label", label + " " + value.dataset.copyValue);
    button.addEventListener("click", async () => {
      if (!(await copy(value.dataset.copyValue))) return;
      button.textContent = done;
      setTimeout(() => { button.textContent = label; }, 2000);
    });
    value.after(button);
  }
})();

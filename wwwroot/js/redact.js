// Redaction tool on the staged-screenshot page: drag on the image to mark a rectangle; this fills in
// the X, Y, Width and Height fields (in the image's own pixels) that the form posts. Without script
// the same fields are typed by hand. Nothing is hidden in the browser: the server redacts the pixels.
"use strict";
(function () {
  const image = document.getElementById("staged-image");
  const fields = ["x", "y", "width", "height"].map(function (name) { return document.getElementById("redact-" + name); });
  if (!image || fields.some(function (f) { return !f; })) return;

  const canvas = document.createElement("canvas");
  canvas.id = "redact-canvas";
  canvas.className = "redact-canvas";
  canvas.setAttribute("aria-hidden", "true");
  image.parentNode.appendChild(canvas);
  const context = canvas.getContext("2d");
  let start = null;

  // Displayed CSS pixels → image pixels.
  function scale() { return image.naturalWidth / image.getBoundingClientRect().width; }

  function point(event) {
    const box = canvas.getBoundingClientRect();
    return {
      x: Math.min(Math.max(event.clientX - box.left, 0), box.width),
      y: Math.min(Math.max(event.clientY - box.top, 0), box.height),
    };
  }

  function typed() {
    const values = fields.map(function (f) { return parseInt(f.value, 10); });
    return values.some(isNaN) ? null : { x: values[0], y: values[1], width: values[2], height: values[3] };
  }

  function draw() {
    const box = image.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(box.width * ratio);
    canvas.height = Math.round(box.height * ratio);
    canvas.style.width = box.width + "px";
    canvas.style.height = box.height + "px";
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, box.width, box.height);
    const rectangle = typed();
    if (!rectangle) return;
    const s = scale();
    context.fillStyle = "rgba(180, 35, 24, 0.35)";
    context.strokeStyle = "#b42318";
    context.lineWidth = 2;
    context.fillRect(rectangle.x / s, rectangle.y / s, rectangle.width / s, rectangle.height / s);
    context.strokeRect(rectangle.x / s, rectangle.y / s, rectangle.width / s, rectangle.height / s);
  }

  function fill(a, b) {
    const s = scale();
    const left = Math.round(Math.min(a.x, b.x) * s);
    const top = Math.round(Math.min(a.y, b.y) * s);
    const values = [left, top,
      Math.min(Math.round(Math.max(a.x, b.x) * s), image.naturalWidth) - left,
      Math.min(Math.round(Math.max(a.y, b.y) * s), image.naturalHeight) - top];
    fields.forEach(function (f, i) { f.value = String(values[i]); });
    draw();
  }

  canvas.addEventListener("pointerdown", function (event) {
    start = point(event);
    canvas.setPointerCapture(event.pointerId);
    event.preventDefault();
  });
  canvas.addEventListener("pointermove", function (event) { if (start) fill(start, point(event)); });
  canvas.addEventListener("pointerup", function (event) {
    if (!start) return;
    fill(start, point(event));
    start = null;
  });
  fields.forEach(function (f) { f.addEventListener("input", draw); });
  window.addEventListener("resize", draw);
  if (image.complete) draw(); else image.addEventListener("load", draw);
  document.documentElement.classList.add("redact-ready");
})();

// Redaction tool on the staged-screenshot page: drag on the image to mark a rectangle; this fills in
// the X, Y, Width and Height fields (in the image's own pixels) that the form posts. Without script
// the same fields are typed by hand. Nothing is hidden in the browser: the server redacts the pixels.
// The canvas over the image is overlay.js's.
"use strict";
(function () {
  const image = document.getElementById("staged-image");
  const fields = ["x", "y", "width", "height"].map(function (name) { return document.getElementById("redact-" + name); });
  if (!image || fields.some(function (f) { return !f; }) || typeof imageOverlay !== "function") return;

  const canvas = document.createElement("canvas");
  canvas.id = "redact-canvas";
  canvas.className = "redact-canvas";
  canvas.setAttribute("aria-hidden", "true");
  image.parentNode.appendChild(canvas);
  const overlay = imageOverlay(image, canvas);
  let start = null;

  function typed() {
    const values = fields.map(function (f) { return parseInt(f.value, 10); });
    return values.some(isNaN) ? null : { x: values[0], y: values[1], width: values[2], height: values[3] };
  }

  function draw() {
    const context = overlay.clear();
    const rectangle = typed();
    if (!rectangle) return;
    const s = overlay.scale();
    context.fillStyle = "rgba(180, 35, 24, 0.35)";
    context.strokeStyle = "#b42318";
    context.lineWidth = 2;
    context.fillRect(rectangle.x / s, rectangle.y / s, rectangle.width / s, rectangle.height / s);
    context.strokeRect(rectangle.x / s, rectangle.y / s, rectangle.width / s, rectangle.height / s);
  }

  function fill(a, b) {
    const rectangle = overlay.rectangle(a, b);
    const values = [rectangle.x, rectangle.y, rectangle.width, rectangle.height];
    fields.forEach(function (f, i) { f.value = String(values[i]); });
    draw();
  }

  canvas.addEventListener("pointerdown", function (event) {
    start = overlay.point(event);
    canvas.setPointerCapture(event.pointerId);
    event.preventDefault();
  });
  canvas.addEventListener("pointermove", function (event) { if (start) fill(start, overlay.point(event)); });
  canvas.addEventListener("pointerup", function (event) {
    if (!start) return;
    fill(start, overlay.point(event));
    start = null;
  });
  fields.forEach(function (f) { f.addEventListener("input", draw); });
  window.addEventListener("resize", draw);
  if (image.complete) draw(); else image.addEventListener("load", draw);
  document.documentElement.classList.add("redact-ready");
})();

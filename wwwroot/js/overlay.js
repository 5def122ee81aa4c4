// A canvas laid over an image for marking rectangles in the image's own pixels: the staged-screenshot page
// (redact.js) and the editor's redaction dialog (screenshots.js). Nothing is hidden in the browser: the server
// burns the rectangles into the pixels.
"use strict";
// Used by the scripts loaded after this one.
// eslint-disable-next-line no-unused-vars
function imageOverlay(image, canvas) {
  const context = canvas.getContext("2d");

  // Displayed CSS pixels → image pixels.
  function scale() { return (image.naturalWidth || image.width) / image.getBoundingClientRect().width; }

  return {
    scale: scale,

    /** Where a pointer event is on the canvas, in CSS pixels, kept inside it. */
    point: function (event) {
      const box = canvas.getBoundingClientRect();
      return {
        x: Math.min(Math.max(event.clientX - box.left, 0), box.width),
        y: Math.min(Math.max(event.clientY - box.top, 0), box.height),
      };
    },

    /** The rectangle between two points, in whole pixels of the image, kept inside it. */
    rectangle: function (a, b) {
      const s = scale();
      const x = Math.round(Math.min(a.x, b.x) * s);
      const y = Math.round(Math.min(a.y, b.y) * s);
      return {
        x: x,
        y: y,
        width: Math.min(Math.round(Math.max(a.x, b.x) * s), image.naturalWidth || image.width) - x,
        height: Math.min(Math.round(Math.max(a.y, b.y) * s), image.naturalHeight || image.height) - y,
      };
    },

    /** Sizes the canvas to the image as displayed (sharp on dense screens) and clears it: the context to draw with, in CSS pixels. */
    clear: function () {
      const box = image.getBoundingClientRect();
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.round(box.width * ratio);
      canvas.height = Math.round(box.height * ratio);
      canvas.style.width = box.width + "px";
      canvas.style.height = box.height + "px";
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.clearRect(0, 0, box.width, box.height);
      return context;
    },
  };
}

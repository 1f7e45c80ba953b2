// Resolves when the page's fonts have loaded and two frames have been drawn,
// so that layout and styles are final.
document.fonts.ready.then(() => new Promise((resolve) => {
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)));
}))

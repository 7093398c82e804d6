// Printed pages show every hint: a closed <details> would print as its one-line summary only.
window.addEventListener("beforeprint", () => {
  document.querySelectorAll(".bd-article details").forEach((hint) => { hint.open = true; });
});

// Loaded on pages with panels, after require.js and before the widgets' HTML manager.

// The HTML manager's modules find their icon fonts next to themselves, by the address require.js gives
// each module: point every one at this site's copy, whatever folder the page is in (Sphinx writes the
// way to the site's root on <html>).
(function () {
  const folder = document.documentElement.dataset.content_root + "_vendor/html-manager/";
  const modules = ["base", "base7", "controls", "controls7", "html-manager"];
  const paths = { "@jupyter-widgets/html-manager/dist": folder.slice(0, -1) };
  modules.forEach((name) => { paths["@jupyter-widgets/" + name] = folder + name; });
  require.config({ paths: paths });
})();

// A slider's handle is what a keyboard or screen reader reaches, but it carries no name: give it the
// slider's own label. An output that scrolls sideways (a wide table) is made reachable by keyboard.
function labelPanels(root) {
  root.querySelectorAll(".widget-slider").forEach((slider) => {
    const label = slider.querySelector(".widget-label");
    const name = label && label.textContent.trim();
    slider.querySelectorAll('[role="slider"]').forEach((handle) => {
      if (name && !handle.getAttribute("aria-label")) handle.setAttribute("aria-label", name);
    });
  });
  root.querySelectorAll(".jupyter-widgets .jp-OutputArea-output").forEach((output) => {
    if (output.scrollWidth > output.clientWidth && !output.hasAttribute("tabindex")) {
      output.setAttribute("tabindex", "0");
    }
  });
}
new MutationObserver(() => labelPanels(document)).observe(document.documentElement,
                                                          { childList: true, subtree: true });

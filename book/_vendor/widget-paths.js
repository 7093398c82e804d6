// The widgets' HTML manager finds its icon fonts next to the module that loads them; point require.js at
// this site's copy, whatever folder the page is in (Sphinx writes the way to the site's root on <html>).
require.config({
  paths: {
    "@jupyter-widgets/html-manager/dist": document.documentElement.dataset.content_root + "_vendor/html-manager",
  },
});

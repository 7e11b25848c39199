// "Exit this page", after GOV.UK Frontend's pattern. Without JavaScript the button is an ordinary
// link. With it, the button or three presses of Shift within five seconds hide the page at once and
// replace it with a neutral site, so the Back button does not return here.
(function () {
  "use strict";
  var container = document.querySelector(".exit-this-page");
  if (!container) return;
  var url = container.getAttribute("data-exit-url");
  var button = container.querySelector(".exit-this-page__button");
  var presses = 0;
  var timer = null;

  function exitPage(event) {
    if (event) event.preventDefault();
    document.body.classList.add("exit-this-page--exiting");
    var overlay = document.createElement("div");
    overlay.className = "exit-this-page__overlay";
    overlay.setAttribute("role", "status");
    overlay.textContent = "Loading.";
    document.body.appendChild(overlay);
    window.location.replace(url);
  }

  button.addEventListener("click", exitPage);
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { presses = 0; return; }
    presses += 1;
    clearTimeout(timer);
    if (presses >= 3) { presses = 0; exitPage(); return; }
    timer = setTimeout(function () { presses = 0; }, 5000);
  }, true);
  // A page restored from the back-forward cache must not stay hidden.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      document.body.classList.remove("exit-this-page--exiting");
      var overlay = document.querySelector(".exit-this-page__overlay");
      if (overlay) overlay.remove();
    }
  });
})();

/*
 * Cookie banner enhancement: send the choice without reloading the page.
 * Without JavaScript (or if this fails) the form posts normally and the site redirects back.
 */
(function () {
  "use strict";
  var form = document.querySelector("[data-consent-form]");
  var status = document.querySelector("[data-consent-status]");
  if (!form || !status || !window.fetch || !window.FormData) {
    return;
  }
  var banner = form.closest(".consent-banner");
  var fallingBack = false;

  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (fallingBack || !button) {
      return; // let the browser post the form
    }
    event.preventDefault();
    var data = new FormData(form);
    data.append(button.name, button.value);
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("choice not saved: " + response.status);
        }
        return response.json();
      })
      .then(function (result) {
        var message = result.accepted.length
          ? "Thank you: your choice is saved."
          : "Thank you: only necessary cookies will be used.";
        if (result.accepted.indexOf("external_media") !== -1 && document.querySelector(".embed form")) {
          message += " Videos on this page appear when you reload it.";
        }
        form.hidden = true;
        banner.querySelector(".consent-banner-text").hidden = true;
        status.textContent = message + " You can change it any time in Cookie settings, linked at the bottom of every page.";
        banner.classList.add("consent-banner-done");
        status.focus();
      })
      .catch(function () {
        fallingBack = true;
        form.requestSubmit(button);
      });
  });
})();

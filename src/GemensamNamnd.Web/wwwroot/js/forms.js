// After a failed post the focus moves to the error summary, so that a screen reader reads it and the keyboard starts
// there; without JavaScript the summary is still the first thing in the page's content.
(function () {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) summary.focus();
})();

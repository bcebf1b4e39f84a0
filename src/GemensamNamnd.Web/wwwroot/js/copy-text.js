// "Kopiera texten": copies the textarea named by data-copy and says so in the status region.
document.querySelectorAll("button[data-copy]").forEach(function (button) {
    button.addEventListener("click", function () {
        var source = document.getElementById(button.getAttribute("data-copy"));
        var status = document.getElementById("copy-status");
        var done = function () { if (status) { status.textContent = "Texten är kopierad."; } };
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(source.value).then(done, function () { source.select(); document.execCommand("copy"); done(); });
        } else {
            source.select();
            document.execCommand("copy");
            done();
        }
    });
});

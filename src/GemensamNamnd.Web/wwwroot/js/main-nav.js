// The main menu's groups are <details>: they open and close without this script, by mouse and keyboard. This only
// tidies: one group open at a time, Escape closes the open one (focus back on its label), a click elsewhere closes it.
(function () {
    function groups() { return document.querySelectorAll('.main-nav__details'); }
    document.addEventListener('toggle', function (event) {
        var opened = event.target;
        if (!opened.classList || !opened.classList.contains('main-nav__details') || !opened.open) return;
        groups().forEach(function (d) { if (d !== opened) d.open = false; });
    }, true);
    document.addEventListener('keydown', function (event) {
        if (event.key !== 'Escape') return;
        groups().forEach(function (d) {
            if (d.open) {
                d.open = false;
                d.querySelector('summary').focus();
            }
        });
    });
    document.addEventListener('click', function (event) {
        groups().forEach(function (d) { if (d.open && !d.contains(event.target)) d.open = false; });
    });
})();

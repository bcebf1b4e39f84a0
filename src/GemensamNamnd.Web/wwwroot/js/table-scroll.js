// A table wider than its wrapper (.table-scroll[data-table-scroll], TableTagHelper) scrolls inside it. Such a wrapper becomes a focusable
// region named by the table's caption, so a keyboard user can scroll it with the arrow keys (WCAG 2.1.1).
(function () {
    function update() {
        document.querySelectorAll('[data-table-scroll]').forEach(function (wrapper) {
            var scrolls = wrapper.scrollWidth > wrapper.clientWidth + 1;
            if (scrolls) {
                var caption = wrapper.querySelector('caption');
                wrapper.setAttribute('tabindex', '0');
                wrapper.setAttribute('role', 'region');
                wrapper.setAttribute('aria-label', (caption ? caption.textContent.trim() : 'Tabell') + ' (rullas i sidled)');
            } else {
                wrapper.removeAttribute('tabindex');
                wrapper.removeAttribute('role');
                wrapper.removeAttribute('aria-label');
            }
        });
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', update);
    } else {
        update();
    }
    var pending;
    window.addEventListener('resize', function () {
        clearTimeout(pending);
        pending = setTimeout(update, 150);
    });
})();
